package vn.ntm.portal.curriculum.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.curriculum.ProgrammeAuthorService;
import vn.ntm.portal.curriculum.ProgrammeSummary;
import vn.ntm.portal.shell.PortalIcon;

/** The authors of a programme: who may write its modules and lessons, named by login, removed with one click. */
class AuthorsDialog extends Dialog {

    private final ProgrammeAuthorService authors;
    private final long programmeId;
    private final Grid<ProgrammeAuthorService.Author> grid = new Grid<>();

    AuthorsDialog(ProgrammeAuthorService authors, ProgrammeSummary programme) {
        this.authors = authors;
        this.programmeId = programme.id();
        setHeaderTitle(getTranslation("editor.authors.title", programme.code()));
        setWidth("min(40rem, 100vw)");
        grid.addColumn(a -> a.fullName() + " (" + a.username() + ")").setHeader(getTranslation("editor.authors.name")).setFlexGrow(1);
        grid.addColumn(a -> getTranslation("role." + a.role().name())).setHeader(getTranslation("editor.authors.role")).setAutoWidth(true);
        grid.addComponentColumn(a -> {
            Button remove = new Button(PortalIcon.TRASH.create(), e -> {
                authors.revoke(programmeId, a.accountId());
                refresh();
            });
            remove.setAriaLabel(getTranslation("editor.authors.remove") + ": " + a.username());
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_ERROR);
            return remove;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.setId("programme-authors");
        TextField login = new TextField(getTranslation("editor.authors.login"));
        login.setId("author-login");
        Paragraph error = new Paragraph();
        error.addClassName("form-error");
        Button add = new Button(getTranslation("editor.authors.add"), PortalIcon.PLUS.create(), e -> {
            try {
                authors.grant(programmeId, login.getValue());
                login.clear();
                error.setText("");
                refresh();
            } catch (ValidationException invalid) {
                error.setText(getTranslation(invalid.messageKey(), invalid.arguments()));
            }
        });
        add.setId("add-author");
        FlexLayout form = new FlexLayout(login, add);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.getStyle().set("gap", "var(--lumo-space-s)");
        add(new Paragraph(getTranslation("editor.authors.help")), grid, form, error);
        getFooter().add(new Button(getTranslation("action.close"), e -> close()));
        refresh();
    }

    private void refresh() {
        grid.setItems(authors.authors(programmeId));
    }
}
