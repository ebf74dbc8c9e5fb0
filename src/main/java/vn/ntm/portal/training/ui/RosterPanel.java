package vn.ntm.portal.training.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import vn.ntm.portal.training.RosterImportService;
import vn.ntm.portal.training.RosterSpreadsheets;
import java.io.ByteArrayInputStream;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.person.Gender;
import vn.ntm.portal.person.PersonDetails;
import vn.ntm.portal.shell.Notifications;
import vn.ntm.portal.training.ClassSummary;
import vn.ntm.portal.training.RosterService;
import vn.ntm.portal.training.domain.RosterStore;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitSummary;
import vn.ntm.portal.unit.ui.UnitPicker;

/** The roster: a lazy list, and a form to add a person (matched to an existing record by national ID or phone). */
class RosterPanel extends VerticalLayout {

    RosterPanel(RosterService roster, RosterImportService imports, RosterSpreadsheets sheets, UnitDirectory units, ClassSummary c,
                boolean manages) {
        setPadding(false);
        Span count = new Span(getTranslation("roster.count", roster.count(c.id())));
        count.setId("roster-count");
        Grid<RosterStore.Row> grid = new Grid<>();
        grid.addColumn(RosterStore.Row::fullName).setHeader(getTranslation("roster.fullName")).setFlexGrow(1);
        grid.addColumn(r -> r.birthYear() == null ? "" : String.valueOf(r.birthYear())).setHeader(getTranslation("roster.birthYear"))
                .setAutoWidth(true);
        grid.addColumn(r -> r.phone() == null ? "" : r.phone()).setHeader(getTranslation("roster.phone")).setAutoWidth(true);
        grid.addColumn(r -> r.communeName() == null ? "" : r.communeName()).setHeader(getTranslation("roster.commune")).setAutoWidth(true);
        grid.addColumn(r -> r.level() == null ? "" : getTranslation("traineeLevel." + r.level().name()))
                .setHeader(getTranslation("roster.level")).setAutoWidth(true);
        grid.setItems(q -> roster.list(c.id(), q.getOffset(), q.getLimit()).stream(), q -> (int) roster.count(c.id()));
        grid.setHeight("28rem");
        grid.setId("roster");
        Runnable refresh = () -> {
            grid.getDataProvider().refreshAll();
            count.setText(getTranslation("roster.count", roster.count(c.id())));
        };
        Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] xlsx = sheets.export(c.id());
            return new DownloadResponse(new ByteArrayInputStream(xlsx), "danh-sach-" + c.code().replaceAll("[^A-Za-z0-9.-]", "_") + ".xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.length);
        }), getTranslation("roster.export"));
        export.setId("roster-export");

        if (manages) {
            TextField name = new TextField(getTranslation("roster.fullName"));
            name.setId("roster-name");
            Select<Gender> gender = new Select<>();
            gender.setLabel(getTranslation("roster.gender"));
            gender.setItems(Gender.values());
            // with an empty choice allowed, the select also asks for the label of "none"
            gender.setItemLabelGenerator(g -> g == null ? "" : getTranslation("gender." + g.name()));
            gender.setEmptySelectionAllowed(true);
            IntegerField birthYear = new IntegerField(getTranslation("roster.birthYear"));
            TextField phone = new TextField(getTranslation("roster.phone"));
            phone.setId("roster-phone");
            TextField nationalId = new TextField(getTranslation("roster.nationalId"));
            ComboBox<UnitSummary> commune = UnitPicker.create(units, getTranslation("roster.commune"));
            TextField position = new TextField(getTranslation("roster.position"));
            Select<TraineeLevel> level = new Select<>();
            level.setLabel(getTranslation("roster.level"));
            level.setItems(TraineeLevel.values());
            level.setItemLabelGenerator(l -> l == null ? "" : getTranslation("traineeLevel." + l.name()));
            level.setEmptySelectionAllowed(true);
            TextField organisation = new TextField(getTranslation("roster.organisation"));
            Button add = new Button(getTranslation("roster.add"), e -> {
                try {
                    roster.add(c.id(), new PersonDetails(name.getValue(), gender.getValue(), birthYear.getValue(), blank(phone.getValue()),
                            blank(nationalId.getValue()), commune.getValue() == null ? null : commune.getValue().id(),
                            blank(position.getValue()), level.getValue(), blank(organisation.getValue())));
                    Notifications.success("roster.added", name.getValue());
                    name.clear();
                    phone.clear();
                    nationalId.clear();
                    birthYear.clear();
                    refresh.run();
                } catch (ValidationException invalid) {
                    Notifications.error(invalid);
                }
            });
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add.setId("roster-add");
            FormLayout form = new FormLayout(name, gender, birthYear, phone, nationalId, commune, position, level, organisation, add);
            form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2),
                    new FormLayout.ResponsiveStep("60rem", 4));
            Button importFile = new Button(getTranslation("roster.import.open"),
                    e -> new RosterImportDialog(imports, sheets, c, refresh).open());
            importFile.setId("roster-import");
            add(form, new HorizontalLayout(importFile, export));
        } else {
            add(export);
        }
        add(count, grid);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
