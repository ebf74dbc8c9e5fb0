package vn.ntm.portal.curriculum.ui;

import vn.ntm.portal.shell.ComponentTexts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.curriculum.CurriculumService;
import vn.ntm.portal.curriculum.FeedbackMode;
import vn.ntm.portal.curriculum.LessonContent;
import vn.ntm.portal.curriculum.LessonDraft;
import vn.ntm.portal.curriculum.LessonKind;
import vn.ntm.portal.curriculum.LessonSummary;
import vn.ntm.portal.curriculum.ModuleSummary;
import vn.ntm.portal.curriculum.QuestionKind;
import vn.ntm.portal.shell.Notifications;

import java.util.ArrayList;
import java.util.List;
import vn.ntm.portal.shell.PortalIcon;

/**
 * Writes a lesson, on a page of its own (TinyMCE's menus and dialogs need the page, see HtmlEditor): the text in the
 * WYSIWYG editor (kept as sanitized HTML), the file of a video or document, or a quiz with its settings and questions
 * (up to six options each; blank options are left out; questions are moved up and down or removed before saving).
 * {@code lesson-editor/{module}/{lesson}} edits a lesson, {@code lesson-editor/{module}?kind=QUIZ} writes a new one.
 */
@Route("lesson-editor/:moduleId([0-9]+)/:lessonId([0-9]+)?")
@PageTitle("nav.lessonEditor")
@RolesAllowed({"ADMIN", "COORDINATOR", "TRAINER"})
class LessonEditorView extends VerticalLayout implements BeforeEnterObserver, BeforeLeaveObserver {

    private static final int OPTIONS = 6;

    private final CurriculumService curriculum;
    private final Select<LessonKind> kind = new Select<>();
    private final TextField title = new TextField();
    private final Checkbox required = new Checkbox();
    private final HtmlEditor content = new HtmlEditor();
    private final IntegerField passMark = new IntegerField();
    private final IntegerField attemptLimit = new IntegerField();
    private final Checkbox shuffle = new Checkbox();
    private final Select<FeedbackMode> feedback = new Select<>();
    private final Div questions = new Div();
    private final Div quizPart = new Div();
    private final Div filePart = new Div();
    private final Paragraph error = new Paragraph();
    private long moduleId;
    private @Nullable Long lessonId;
    /** The lesson as it was opened (or last saved): leaving with anything else asks first. Null: nothing to lose. */
    private @Nullable LessonDraft opened;

    LessonEditorView(CurriculumService curriculum) {
        this.curriculum = curriculum;
        addClassName("lesson-editor-view");
        setMaxWidth("60rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        moduleId = event.getRouteParameters().getLong("moduleId").orElseThrow();
        lessonId = event.getRouteParameters().getLong("lessonId").orElse(null);
        LessonKind newKind = event.getLocation().getQueryParameters().getSingleParameter("kind").map(k -> {
            try {
                return LessonKind.valueOf(k);
            } catch (IllegalArgumentException unknown) {
                return LessonKind.TEXT;
            }
        }).orElse(LessonKind.TEXT);
        removeAll();
        opened = null;
        ModuleSummary module;
        LessonDraft draft;
        try {
            module = curriculum.moduleForEditing(moduleId);
            draft = lessonId == null
                    ? new LessonDraft(newKind, "", true, "", 70, 3, true, FeedbackMode.FULL, List.of(), null)
                    : curriculum.lessonForEditing(moduleId, lessonId);
        } catch (ValidationException invalid) {
            Paragraph missing = new Paragraph(getTranslation(invalid.messageKey(), invalid.arguments()));
            missing.addClassName("form-error");
            missing.setId("lesson-error");
            add(missing, new Button(getTranslation("editor.backToModule"), e -> back()));
            return;
        }
        build(module, draft);
    }

    private void build(ModuleSummary module, LessonDraft draft) {
        Span moduleTitle = new Span(module.title() + " · " + getTranslation("learning.version", module.version()));
        moduleTitle.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        H2 heading = new H2(getTranslation(lessonId == null ? "editor.lesson.new" : "editor.lesson.edit"));
        kind.setLabel(getTranslation("editor.lesson.kind"));
        kind.setItems(LessonKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("lesson.kind." + k.name()));
        kind.setId("lesson-kind");
        title.setLabel(getTranslation("editor.title"));
        title.setWidthFull();
        title.setId("lesson-title-field");
        required.setLabel(getTranslation("editor.lesson.required"));
        content.setHelperText(getTranslation("editor.lesson.htmlHelp"));
        content.setId("lesson-content-field");

        passMark.setLabel(getTranslation("editor.quiz.passMark"));
        passMark.setMin(1);
        passMark.setMax(100);
        passMark.setSuffixComponent(new Span("%"));
        attemptLimit.setLabel(getTranslation("editor.quiz.attemptLimit"));
        attemptLimit.setHelperText(getTranslation("editor.quiz.attemptLimitHelp"));
        attemptLimit.setMin(1);
        shuffle.setLabel(getTranslation("editor.quiz.shuffle"));
        feedback.setLabel(getTranslation("editor.quiz.feedback"));
        feedback.setItems(FeedbackMode.values());
        feedback.setItemLabelGenerator(f -> getTranslation("feedbackMode." + f.name()));
        FormLayout settings = new FormLayout(passMark, attemptLimit, feedback, shuffle);
        settings.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        questions.setWidthFull();
        questions.setId("quiz-questions");
        Button addQuestion = new Button(getTranslation("editor.quiz.addQuestion"), PortalIcon.PLUS.create(),
                e -> addQuestion(new LessonDraft.QuestionDraft(QuestionKind.SINGLE, "", null, List.of())));
        addQuestion.setId("add-question");
        quizPart.removeAll();
        quizPart.add(settings, questions, addQuestion);
        quizPart.setWidthFull();

        error.addClassName("form-error");
        error.setId("lesson-error");
        FormLayout head = new FormLayout(kind, required, title);
        head.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        head.setColspan(title, 2);
        filePart();

        kind.setValue(draft.kind());
        title.setValue(draft.title());
        required.setValue(draft.required());
        content.setValue(draft.content() == null ? "" : draft.content());
        passMark.setValue(draft.passMark() == null ? 70 : draft.passMark());
        attemptLimit.setValue(draft.attemptLimit());
        shuffle.setValue(draft.shuffle());
        feedback.setValue(draft.feedbackMode() == null ? FeedbackMode.FULL : draft.feedbackMode());
        questions.removeAll();
        draft.questions().forEach(this::addQuestion);
        if (draft.kind() == LessonKind.QUIZ && draft.questions().isEmpty()) {
            addQuestion(new LessonDraft.QuestionDraft(QuestionKind.SINGLE, "", null, List.of()));
        }
        kind.addValueChangeListener(e -> showPart());
        showPart();

        Button save = new Button(getTranslation("action.save"), PortalIcon.CHECK.create(), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-lesson");
        Button cancel = new Button(getTranslation("editor.backToModule"), PortalIcon.ARROW_LEFT.create(), e -> back());
        cancel.setId("lesson-editor-back");
        FlexLayout footer = new FlexLayout(cancel, save);
        footer.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        footer.getStyle().set("gap", "var(--lumo-space-s)");
        add(moduleTitle, heading, head, filePart, content, quizPart, error, footer);
        opened = draft();
    }

    /** True when something typed here is not saved yet. */
    boolean hasUnsavedChanges() {
        return opened != null && !opened.equals(draft());
    }

    /**
     * Leaving inside the portal (the menu, "back to module", a link) with unsaved text waits for the author's
     * choice: stay, or leave and drop the changes.
     */
    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (!hasUnsavedChanges()) {
            return;
        }
        BeforeLeaveEvent.ContinueNavigationAction action = event.postpone();
        ConfirmDialog ask = new ConfirmDialog();
        ask.setId("confirm-leave-editor");
        ask.setHeader(getTranslation("editor.unsaved.title"));
        ask.setText(getTranslation("editor.unsaved.text"));
        ask.setCancelable(true);
        ask.setCancelText(getTranslation("editor.unsaved.stay"));
        ask.setConfirmText(getTranslation("editor.unsaved.leave"));
        ask.setConfirmButtonTheme("error primary");
        ask.addConfirmListener(e -> {
            opened = null;
            action.proceed();
        });
        ask.open();
    }

    /**
     * A reload or a closed tab never reaches the server in time, so the browser asks by itself: the page guards
     * unload while anything was typed in it (or in TinyMCE's frame) since it was opened or saved.
     */
    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        getElement().executeJs("""
                const view = this;
                view.$typed = false;
                const typed = () => { view.$typed = true; };
                view.addEventListener('input', typed, true);
                view.addEventListener('change', typed, true);
                if (window.$lessonEditorGuard) { window.removeEventListener('beforeunload', window.$lessonEditorGuard); }
                window.$lessonEditorGuard = (event) => {
                  if (!view.isConnected) { return; }
                  const editorTyped = window.tinymce && tinymce.get().some(e => view.contains(e.getElement()) && e.isDirty());
                  if (view.$typed || editorTyped) {
                    event.preventDefault();
                    event.returnValue = '';
                  }
                };
                window.addEventListener('beforeunload', window.$lessonEditorGuard);""");
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        detachEvent.getUI().getPage().executeJs("""
                if (window.$lessonEditorGuard) {
                  window.removeEventListener('beforeunload', window.$lessonEditorGuard);
                  window.$lessonEditorGuard = null;
                }""");
        super.onDetach(detachEvent);
    }

    /** After a save there is nothing to lose: the browser stops guarding the page. */
    private void markSaved() {
        opened = null;
        getElement().executeJs("this.$typed = false; if (window.tinymce) { tinymce.get().forEach(e => e.setDirty(false)); }");
    }

    private void save() {
        try {
            LessonSummary saved = curriculum.saveLesson(moduleId, lessonId, draft());
            markSaved();
            Notifications.success("editor.saved");
            boolean needsFile = lessonId == null && (saved.kind() == LessonKind.VIDEO || saved.kind() == LessonKind.DOCUMENT);
            if (needsFile) {
                UI.getCurrent().navigate("lesson-editor/" + moduleId + "/" + saved.id());
            } else {
                back();
            }
        } catch (ValidationException invalid) {
            error.setText(getTranslation(invalid.messageKey(), invalid.arguments()));
        }
    }

    private void back() {
        UI.getCurrent().navigate("curriculum-editor", QueryParameters.of("module", String.valueOf(moduleId)));
    }

    /** The upload of a video or document; the file is checked by its content (and size) on the server. */
    private void filePart() {
        filePart.removeAll();
        filePart.setWidthFull();
        Paragraph status = new Paragraph();
        status.setId("lesson-file-status");
        filePart.add(status);
        if (lessonId == null) {
            status.setText(getTranslation("editor.file.saveFirst"));
            return;
        }
        long id = lessonId;
        LessonDraft current = curriculum.lessonForEditing(moduleId, id);
        status.setText(current.fileName() == null ? getTranslation("editor.file.none")
                : getTranslation("editor.file.current", current.fileName()));
        long max = curriculum.maxFileBytes();
        Upload upload = new Upload(new LessonFileUpload(max, (name, file) -> {
            try {
                LessonContent saved = curriculum.attachFile(id, name, file);
                status.setText(getTranslation("editor.file.current", saved.fileName()));
                Notifications.success("editor.file.uploaded");
            } catch (ValidationException invalid) {
                status.setText(getTranslation(invalid.messageKey(), invalid.arguments()));
            }
        }, () -> status.setText(getTranslation("curriculum.error.fileTooLarge", max / 1024 / 1024))));
        upload.setMaxFiles(1);
        ComponentTexts.localize(upload);
        upload.setMaxFileSize((int) Math.min(max, Integer.MAX_VALUE));
        upload.setAcceptedFileTypes(".mp4", ".webm", ".pdf", "video/mp4", "video/webm", "application/pdf");
        upload.addFileRejectedListener(e -> status.setText(getTranslation("curriculum.error.fileTooLarge", max / 1024 / 1024)));
        upload.setId("lesson-file-upload");
        filePart.add(new Paragraph(getTranslation("editor.file.help", max / 1024 / 1024)), upload);
    }

    private void showPart() {
        boolean quiz = kind.getValue() == LessonKind.QUIZ;
        filePart.setVisible(kind.getValue() == LessonKind.VIDEO || kind.getValue() == LessonKind.DOCUMENT);
        quizPart.setVisible(quiz);
        content.setLabel(getTranslation(kind.getValue() == LessonKind.TEXT ? "editor.lesson.content" : "editor.lesson.intro"));
    }

    private void addQuestion(LessonDraft.QuestionDraft q) {
        questions.add(new QuestionEditor(q));
        renumber();
    }

    private void renumber() {
        int n = 1;
        for (var child : questions.getChildren().toList()) {
            if (child instanceof QuestionEditor editor) {
                editor.number(n++);
            }
        }
    }

    private LessonDraft draft() {
        List<LessonDraft.QuestionDraft> qs = questions.getChildren().filter(QuestionEditor.class::isInstance)
                .map(c -> ((QuestionEditor) c).draft()).toList();
        return new LessonDraft(kind.getValue(), title.getValue(), required.getValue(), content.getValue(), passMark.getValue(),
                attemptLimit.getValue(), shuffle.getValue(), feedback.getValue(), qs, null);
    }

    /** One question: its kind, text, explanation and options, each with a "correct" box; moved up, down or removed. */
    private class QuestionEditor extends Div {

        private final Span number = new Span();
        private final Select<QuestionKind> kind = new Select<>();
        private final TextArea text = new TextArea();
        private final TextField explanation = new TextField();
        private final List<Checkbox> correct = new ArrayList<>();
        private final List<TextField> options = new ArrayList<>();

        QuestionEditor(LessonDraft.QuestionDraft q) {
            addClassName("question-editor");
            getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)")
                    .set("padding", "var(--lumo-space-s)").set("margin-bottom", "var(--lumo-space-s)");
            number.getStyle().set("font-weight", "600");
            kind.setLabel(getTranslation("editor.quiz.questionKind"));
            kind.setItems(QuestionKind.values());
            kind.setItemLabelGenerator(k -> getTranslation("questionKind." + k.name()));
            kind.setValue(q.kind());
            text.setLabel(getTranslation("editor.quiz.questionText"));
            text.setWidthFull();
            text.setValue(q.text());
            text.addClassName("question-text");
            explanation.setLabel(getTranslation("editor.quiz.explanation"));
            explanation.setWidthFull();
            explanation.setValue(q.explanation() == null ? "" : q.explanation());
            Button up = new Button(PortalIcon.ARROW_UP.create(), e -> move(-1));
            up.setAriaLabel(getTranslation("editor.moveUp"));
            up.addClassName("question-up");
            Button down = new Button(PortalIcon.ARROW_DOWN.create(), e -> move(1));
            down.setAriaLabel(getTranslation("editor.moveDown"));
            down.addClassName("question-down");
            Button remove = new Button(PortalIcon.TRASH.create(), e -> {
                removeFromParent();
                renumber();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("editor.quiz.removeQuestion"));
            remove.addClassName("question-remove");
            for (Button b : new Button[]{up, down, remove}) {
                b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
            }
            FlexLayout top = new FlexLayout(number, kind, up, down, remove);
            top.setAlignItems(Alignment.BASELINE);
            top.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            top.getStyle().set("gap", "var(--lumo-space-s)");
            add(top, text);
            for (int i = 0; i < OPTIONS; i++) {
                Checkbox box = new Checkbox(getTranslation("editor.quiz.correct"));
                TextField option = new TextField();
                option.setPlaceholder(getTranslation("editor.quiz.option", i + 1));
                option.setAriaLabel(getTranslation("editor.quiz.option", i + 1));
                option.getStyle().set("flex-grow", "1");
                if (i < q.options().size()) {
                    option.setValue(q.options().get(i).text());
                    box.setValue(q.options().get(i).correct());
                }
                correct.add(box);
                options.add(option);
                Div row = new Div(box, option);
                row.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("align-items", "baseline");
                add(row);
            }
            kind.addValueChangeListener(e -> {
                if (e.getValue() == QuestionKind.TRUE_FALSE && options.get(0).isEmpty() && options.get(1).isEmpty()) {
                    options.get(0).setValue(getTranslation("quiz.true"));
                    options.get(1).setValue(getTranslation("quiz.false"));
                }
            });
            add(explanation);
        }

        void number(int n) {
            number.setText(getTranslation("quiz.question", n));
        }

        private void move(int delta) {
            List<com.vaadin.flow.component.Component> list = new ArrayList<>(questions.getChildren().toList());
            int from = list.indexOf(this);
            int to = from + delta;
            if (from < 0 || to < 0 || to >= list.size()) {
                return;
            }
            questions.remove(this);
            questions.addComponentAtIndex(to, this);
            renumber();
        }

        LessonDraft.QuestionDraft draft() {
            List<LessonDraft.OptionDraft> list = new ArrayList<>();
            for (int i = 0; i < OPTIONS; i++) {
                if (!options.get(i).getValue().isBlank()) {
                    list.add(new LessonDraft.OptionDraft(options.get(i).getValue(), correct.get(i).getValue()));
                }
            }
            return new LessonDraft.QuestionDraft(kind.getValue(), text.getValue(), explanation.getValue(), list);
        }
    }
}
