package vn.ntm.portal.curriculum.ui;

import vn.ntm.portal.shell.ComponentTexts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.curriculum.CurriculumService;
import vn.ntm.portal.curriculum.LessonKind;
import vn.ntm.portal.curriculum.LessonSummary;
import vn.ntm.portal.curriculum.ModuleSummary;
import vn.ntm.portal.curriculum.ProgrammeAuthorService;
import vn.ntm.portal.curriculum.ProgrammeSummary;
import vn.ntm.portal.security.Role;
import vn.ntm.portal.security.PortalUser;
import vn.ntm.portal.shell.Notifications;
import vn.ntm.portal.shell.PortalIcon;
import vn.ntm.portal.unit.UnitDirectory;

import java.io.ByteArrayInputStream;

/**
 * Authoring: only the programmes one may change are listed (see CurriculumService and Authorship); their managers
 * keep the programme, its topics and its authors, its authors write modules and lessons and publish them.
 * Administrators also export or import a whole programme as one JSON file.
 */
@Route("curriculum-editor")
@PageTitle("nav.curriculumEditor")
@Menu(title = "nav.curriculumEditor", order = 40, icon = "vaadin:edit")
@RolesAllowed({"ADMIN", "COORDINATOR", "TRAINER"})
class CurriculumEditorView extends VerticalLayout implements BeforeEnterObserver {

    private static final int MAX_IMPORT_BYTES = 10 * 1024 * 1024;

    private final CurriculumService curriculum;
    private final ProgrammeAuthorService authors;
    private final UnitDirectory units;
    private final boolean admin;
    private final Paragraph nothingToEdit = new Paragraph();
    private final Select<ProgrammeSummary> programme = new Select<>();
    private final Paragraph legalBasis = new Paragraph();
    private final Grid<ModuleSummary> modules = new Grid<>();
    private final Div modulePanel = new Div();
    private final FlexLayout programmeActions = new FlexLayout();

    CurriculumEditorView(CurriculumService curriculum, ProgrammeAuthorService authors, UnitDirectory units,
                         AuthenticationContext authentication) {
        this.curriculum = curriculum;
        this.authors = authors;
        this.units = units;
        this.admin = authentication.getAuthenticatedUser(PortalUser.class).map(PortalUser::isAdmin).orElse(false);
        boolean coordinator = authentication.getAuthenticatedUser(PortalUser.class).map(u -> u.role() == Role.COORDINATOR).orElse(false);
        addClassName("curriculum-editor-view");
        setSizeFull();

        programme.setLabel(getTranslation("editor.programme"));
        programme.setItemLabelGenerator(p -> p.code() + " — " + p.title());
        programme.setId("editor-programme");
        programme.setWidth("min(100%, 36rem)");
        programme.addValueChangeListener(e -> showProgramme());
        legalBasis.setId("editor-legal-basis");
        legalBasis.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)").set("margin", "0");

        FlexLayout top = new FlexLayout(programme);
        top.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        top.addClassName("toolbar");
        if (admin || coordinator) {
            Button newProgramme = new Button(getTranslation("editor.programme.new"), PortalIcon.PLUS.create(),
                    e -> new ProgrammeDialog(curriculum, null, this::reloadProgrammes).open());
            newProgramme.setId("new-programme");
            top.add(newProgramme);
        }
        if (admin) {
            Button importButton = new Button(getTranslation("editor.import"), PortalIcon.UPLOAD.create(), e -> importDialog());
            importButton.setId("import-programme");
            top.add(importButton);
        }
        programmeActions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        programmeActions.getStyle().set("gap", "var(--lumo-space-s)");

        modules.addColumn(m -> m.topicNumber()).setHeader(getTranslation("editor.topic.short")).setAutoWidth(true).setFlexGrow(0);
        modules.addColumn(ModuleSummary::title).setHeader(getTranslation("editor.module")).setFlexGrow(1);
        modules.addColumn(m -> getTranslation("moduleStatus." + m.status().name()) + " · v" + m.version())
                .setHeader(getTranslation("editor.status")).setAutoWidth(true).setFlexGrow(0);
        modules.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        modules.setHeight("18rem");
        modules.setWidthFull();
        modules.setId("editor-modules");
        modules.asSingleSelect().addValueChangeListener(e -> showModule(e.getValue()));
        modulePanel.setWidthFull();
        modulePanel.setId("editor-module-panel");

        nothingToEdit.setText(getTranslation("editor.noProgramme"));
        nothingToEdit.setId("editor-nothing");
        add(top, nothingToEdit, legalBasis, programmeActions, modules, modulePanel);
        reloadProgrammes(null);
    }

    /** {@code curriculum-editor?module=12} opens that module (the lesson editor comes back here). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("module").ifPresent(id -> {
            try {
                ModuleSummary m = curriculum.moduleForEditing(Long.parseLong(id));
                programme.getListDataView().getItems().filter(p -> p.id() == m.programmeId()).findFirst().ifPresent(programme::setValue);
                showModule(m);
            } catch (NumberFormatException | ValidationException unknown) {
                // an unknown module: the editor opens as usual
            }
        });
    }

    private void reloadProgrammes(@Nullable ProgrammeSummary select) {
        var list = curriculum.programmes();
        programme.setItems(list);
        nothingToEdit.setVisible(list.isEmpty());
        if (select != null) {
            list.stream().filter(p -> p.id() == select.id()).findFirst().ifPresent(programme::setValue);
        } else if (!list.isEmpty()) {
            programme.setValue(list.getFirst());
        }
    }

    private void showProgramme() {
        programmeActions.removeAll();
        modulePanel.removeAll();
        ProgrammeSummary p = programme.getValue();
        if (p == null) {
            modules.setItems(java.util.List.of());
            legalBasis.setText("");
            return;
        }
        legalBasis.setText(getTranslation("editor.programme.basis", p.decisionNumber() == null ? "—" : p.decisionNumber(),
                p.decisionDate() == null ? "—" : p.decisionDate().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                p.periodFrom() == null ? "" : String.valueOf(p.periodFrom()), p.periodTo() == null ? "" : String.valueOf(p.periodTo()),
                getTranslation("programmeStatus." + p.status().name())));
        Button newModule = new Button(getTranslation("editor.module.new"), PortalIcon.PLUS.create(),
                e -> new ModuleDialog(curriculum, units, admin, p.id(), null, saved -> {
                    refreshModules();
                    modules.select(saved);
                    showModule(saved);
                }).open());
        newModule.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newModule.setId("new-module");
        programmeActions.add(newModule);
        if (curriculum.managesProgramme(p.id())) {
            Button edit = new Button(getTranslation("editor.programme.edit"), PortalIcon.PENCIL.create(),
                    e -> new ProgrammeDialog(curriculum, p, this::reloadProgrammes).open());
            Button topics = new Button(getTranslation("editor.topics"), PortalIcon.LIST.create(),
                    e -> new TopicDialog(curriculum, p.id(), this::refreshModules).open());
            topics.setId("edit-topics");
            Button authorList = new Button(getTranslation("editor.authors"), PortalIcon.USERS.create(),
                    e -> new AuthorsDialog(authors, p).open());
            authorList.setId("edit-authors");
            programmeActions.add(edit, topics, authorList);
        }
        if (admin) {
            Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
                byte[] json = curriculum.exportJson(p.id());
                return new DownloadResponse(new ByteArrayInputStream(json), p.code().replaceAll("[^A-Za-z0-9.-]", "_") + ".json",
                        "application/json", json.length);
            }), "");
            export.add(PortalIcon.DOWNLOAD.create());
            export.add(getTranslation("editor.export"));
            export.getElement().setAttribute("download", true);
            export.setId("export-programme");
            programmeActions.add(export);
        }
        refreshModules();
    }

    private void refreshModules() {
        ProgrammeSummary p = programme.getValue();
        if (p == null) {
            return;
        }
        modules.setItems(q -> curriculum.modules(p.id(), "", q.getOffset(), q.getLimit()).stream(),
                q -> (int) curriculum.countModules(p.id(), ""));
    }

    private void showModule(@Nullable ModuleSummary selected) {
        modulePanel.removeAll();
        if (selected == null) {
            return;
        }
        ModuleSummary m;
        try {
            m = curriculum.moduleForEditing(selected.id());
        } catch (ValidationException e) {
            Notifications.error(e);
            return;
        }
        H3 title = new H3(m.title());
        Span status = new Span(getTranslation("moduleStatus." + m.status().name()) + " · " + getTranslation("learning.version", m.version()));
        status.getElement().getThemeList().add(m.isPublished() ? "badge success" : "badge contrast");
        status.setId("editor-module-status");
        if (m.audience() == vn.ntm.portal.curriculum.ModuleAudience.UNITS) {
            status.setText(status.getText() + " · " + getTranslation("moduleAudience.UNITS"));
        }
        FlexLayout actions = new FlexLayout();
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.getStyle().set("gap", "var(--lumo-space-s)");
        Button edit = new Button(getTranslation("editor.module.edit"), PortalIcon.PENCIL.create(),
                e -> new ModuleDialog(curriculum, units, admin, m.programmeId(), m, saved -> {
                    refreshModules();
                    showModule(saved);
                }).open());
        Button publish = new Button(getTranslation(m.isPublished() ? "editor.unpublish" : "editor.publish"), e -> {
            try {
                ModuleSummary after = m.isPublished() ? curriculum.unpublish(m.id()) : curriculum.publish(m.id());
                Notifications.success(after.isPublished() ? "editor.published" : "editor.unpublished");
                refreshModules();
                showModule(after);
            } catch (ValidationException invalid) {
                Notifications.error(invalid);
            }
        });
        publish.addThemeVariants(m.isPublished() ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_SUCCESS);
        publish.setId("publish-module");
        // the certificate of the module is kept by the certificate module: linked by its route, no dependency on it
        Anchor certificate = new Anchor("module-certificate/" + m.id(), getTranslation("certificate.moduleTemplateLink"));
        certificate.setId("module-certificate-link");
        actions.add(edit, publish, certificate);
        for (LessonKind kind : LessonKind.values()) {
            Button add = new Button(getTranslation("editor.lesson.add." + kind.name()), PortalIcon.PLUS.create(),
                    e -> UI.getCurrent().navigate("lesson-editor/" + m.id(), QueryParameters.of("kind", kind.name())));
            add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            add.setId("add-lesson-" + kind.name().toLowerCase());
            actions.add(add);
        }
        Grid<LessonSummary> lessons = new Grid<>();
        lessons.addColumn(LessonSummary::position).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        lessons.addColumn(LessonSummary::title).setHeader(getTranslation("editor.title")).setFlexGrow(1);
        lessons.addColumn(l -> getTranslation("lesson.kind." + l.kind().name())
                        + (l.required() ? "" : " · " + getTranslation("learning.optional")))
                .setHeader(getTranslation("editor.lesson.kind")).setAutoWidth(true).setFlexGrow(0);
        lessons.addComponentColumn(l -> lessonActions(m, l)).setHeader(getTranslation("editor.lesson.actions"))
                .setAutoWidth(true).setFlexGrow(0);
        lessons.setItems(curriculum.lessons(m.id()));
        lessons.setAllRowsVisible(true);
        lessons.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        lessons.addItemClickListener(e -> UI.getCurrent().navigate("lesson-editor/" + m.id() + "/" + e.getItem().id()));
        lessons.setId("editor-lessons");
        Paragraph hint = new Paragraph(getTranslation(m.isPublished() ? "editor.publishedHint" : "editor.lessonHint"));
        hint.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        modulePanel.add(title, status, actions, hint, lessons);
        var kept = curriculum.editions(m.id());
        if (!kept.isEmpty()) {
            FlexLayout editionLinks = new FlexLayout();
            editionLinks.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            editionLinks.getStyle().set("gap", "var(--lumo-space-s)").set("font-size", "var(--lumo-font-size-s)");
            editionLinks.setId("editor-editions");
            editionLinks.add(new Span(getTranslation("editor.editions")));
            for (var edition : kept) {
                Anchor link = new Anchor("module-edition/" + m.id() + "/" + edition.version(),
                        getTranslation("learning.version", edition.version()));
                if (edition.publishedBy() != null) {
                    link.setTitle(getTranslation("editor.editionBy", edition.publishedBy()));
                }
                editionLinks.add(link);
            }
            modulePanel.add(editionLinks);
        }
    }

    /** Up, down and remove: each a change of the module (a new edition once it is published). */
    private FlexLayout lessonActions(ModuleSummary m, LessonSummary lesson) {
        Button up = new Button(PortalIcon.ARROW_UP.create(), e -> moveLesson(m, lesson, -1));
        up.setAriaLabel(getTranslation("editor.moveUp") + ": " + lesson.title());
        up.addClassName("lesson-up");
        Button down = new Button(PortalIcon.ARROW_DOWN.create(), e -> moveLesson(m, lesson, 1));
        down.setAriaLabel(getTranslation("editor.moveDown") + ": " + lesson.title());
        down.addClassName("lesson-down");
        Button remove = new Button(PortalIcon.TRASH.create(), e -> confirmRemove(m, lesson));
        remove.setAriaLabel(getTranslation("editor.lesson.remove") + ": " + lesson.title());
        remove.addClassName("lesson-remove");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (Button b : new Button[]{up, down, remove}) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_SMALL);
        }
        FlexLayout actions = new FlexLayout(up, down, remove);
        actions.getStyle().set("gap", "var(--lumo-space-xs)");
        return actions;
    }

    private void moveLesson(ModuleSummary m, LessonSummary lesson, int delta) {
        try {
            curriculum.moveLesson(m.id(), lesson.id(), delta);
            refreshModules();
            showModule(m);
        } catch (ValidationException invalid) {
            Notifications.error(invalid);
        }
    }

    private void confirmRemove(ModuleSummary m, LessonSummary lesson) {
        Dialog confirm = new Dialog();
        confirm.setHeaderTitle(getTranslation("editor.lesson.remove"));
        confirm.add(new Paragraph(getTranslation(m.isPublished() ? "editor.lesson.removePublished" : "editor.lesson.removeDraft",
                lesson.title())));
        Button yes = new Button(getTranslation("editor.lesson.remove"), e -> {
            try {
                curriculum.removeLesson(m.id(), lesson.id());
                Notifications.success("editor.lesson.removed");
                confirm.close();
                refreshModules();
                showModule(m);
            } catch (ValidationException invalid) {
                confirm.close();
                Notifications.error(invalid);
            }
        });
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        yes.setId("confirm-remove-lesson");
        confirm.getFooter().add(new Button(getTranslation("action.cancel"), e -> confirm.close()), yes);
        confirm.open();
    }

    private void importDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("editor.import"));
        dialog.setWidth("min(36rem, 100vw)");
        Paragraph status = new Paragraph(getTranslation("editor.importHelp"));
        status.setId("import-programme-status");
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> {
            UI ui = UI.getCurrent();
            ui.access(() -> {
                try {
                    ProgrammeSummary imported = curriculum.importJson(bytes);
                    status.setText(getTranslation("editor.imported", imported.title()));
                    reloadProgrammes(imported);
                } catch (ValidationException invalid) {
                    status.setText(getTranslation(invalid.messageKey(), invalid.arguments()));
                } catch (org.springframework.dao.DataAccessException | org.springframework.transaction.TransactionException down) {
                    // the dialog ends with a message, never a silent hang
                    status.setText(getTranslation("job.failed.database"));
                }
            });
        }));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_IMPORT_BYTES);
        ComponentTexts.localize(upload);
        upload.setAcceptedFileTypes(".json", "application/json");
        upload.setId("programme-upload");
        upload.addFileRejectedListener(e -> status.setText(getTranslation("editor.importRejected", MAX_IMPORT_BYTES / 1024 / 1024)));
        dialog.add(status, upload);
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }
}
