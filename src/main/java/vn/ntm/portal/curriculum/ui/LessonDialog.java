package vn.ntm.portal.curriculum.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.jspecify.annotations.Nullable;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.curriculum.CurriculumService;
import vn.ntm.portal.curriculum.FeedbackMode;
import vn.ntm.portal.curriculum.LessonContent;
import vn.ntm.portal.curriculum.LessonDraft;
import vn.ntm.portal.curriculum.LessonKind;
import vn.ntm.portal.curriculum.LessonText;
import vn.ntm.portal.curriculum.QuestionKind;
import vn.ntm.portal.shell.Notifications;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a lesson: Markdown in a text area with a live preview (HTML in it is shown as text, see LessonText),
 * or a quiz with its settings and questions (up to six options each; blank options are left out).
 */
class LessonDialog extends Dialog {

    private static final int OPTIONS = 6;

    private final Select<LessonKind> kind = new Select<>();
    private final TextField title = new TextField();
    private final Checkbox required = new Checkbox();
    private final TextArea content = new TextArea();
    private final Markdown preview = new Markdown();
    private final IntegerField passMark = new IntegerField();
    private final IntegerField attemptLimit = new IntegerField();
    private final Checkbox shuffle = new Checkbox();
    private final Select<FeedbackMode> feedback = new Select<>();
    private final Div questions = new Div();
    private final List<QuestionEditor> editors = new ArrayList<>();
    private final Div textPart;
    private final Div quizPart;
    private final Div filePart = new Div();

    LessonDialog(CurriculumService curriculum, long moduleId, @Nullable Long lessonId, LessonKind newKind, Runnable afterSave) {
        setHeaderTitle(getTranslation(lessonId == null ? "editor.lesson.new" : "editor.lesson.edit"));
        setWidth("min(56rem, 100vw)");
        kind.setLabel(getTranslation("editor.lesson.kind"));
        kind.setItems(LessonKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("lesson.kind." + k.name()));
        kind.setId("lesson-kind");
        title.setLabel(getTranslation("editor.title"));
        title.setWidthFull();
        title.setId("lesson-title-field");
        required.setLabel(getTranslation("editor.lesson.required"));
        content.setLabel(getTranslation("editor.lesson.content"));
        content.setHelperText(getTranslation("editor.lesson.markdownHelp"));
        content.setWidthFull();
        content.setMinHeight("12rem");
        content.setValueChangeMode(ValueChangeMode.LAZY);
        content.addValueChangeListener(e -> preview.setContent(LessonText.forDisplay(e.getValue())));
        content.setId("lesson-content-field");
        preview.setWidthFull();
        Div previewBox = new Div(new H4(getTranslation("editor.lesson.preview")), preview);
        previewBox.getStyle().set("border", "1px dashed var(--lumo-contrast-20pct)").set("padding", "var(--lumo-space-s)")
                .set("border-radius", "var(--lumo-border-radius-m)");
        textPart = new Div(content, previewBox);
        textPart.setWidthFull();

        passMark.setLabel(getTranslation("editor.quiz.passMark"));
        passMark.setMin(1);
        passMark.setMax(100);
        passMark.setSuffixComponent(new com.vaadin.flow.component.html.Span("%"));
        attemptLimit.setLabel(getTranslation("editor.quiz.attemptLimit"));
        attemptLimit.setHelperText(getTranslation("editor.quiz.attemptLimitHelp"));
        attemptLimit.setMin(1);
        shuffle.setLabel(getTranslation("editor.quiz.shuffle"));
        feedback.setLabel(getTranslation("editor.quiz.feedback"));
        feedback.setItems(FeedbackMode.values());
        feedback.setItemLabelGenerator(f -> getTranslation("feedbackMode." + f.name()));
        FormLayout settings = new FormLayout(passMark, attemptLimit, feedback, shuffle);
        settings.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        Button addQuestion = new Button(getTranslation("editor.quiz.addQuestion"), VaadinIcon.PLUS.create(),
                e -> addQuestion(new LessonDraft.QuestionDraft(QuestionKind.SINGLE, "", null, List.of())));
        addQuestion.setId("add-question");
        quizPart = new Div(settings, questions, addQuestion);
        quizPart.setWidthFull();

        Paragraph error = new Paragraph();
        error.addClassName("form-error");
        error.setId("lesson-error");
        FormLayout head = new FormLayout(kind, required, title);
        head.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        head.setColspan(title, 2);
        filePart(curriculum, lessonId);
        add(head, filePart, textPart, quizPart, error);
        kind.addValueChangeListener(e -> showPart());

        LessonDraft draft = lessonId == null
                ? new LessonDraft(newKind, "", true, "", 70, 3, true, FeedbackMode.FULL, List.of(), null)
                : curriculum.lessonForEditing(lessonId);
        kind.setValue(draft.kind());
        title.setValue(draft.title());
        required.setValue(draft.required());
        content.setValue(draft.content() == null ? "" : draft.content());
        preview.setContent(LessonText.forDisplay(content.getValue()));
        passMark.setValue(draft.passMark() == null ? 70 : draft.passMark());
        attemptLimit.setValue(draft.attemptLimit());
        shuffle.setValue(draft.shuffle());
        feedback.setValue(draft.feedbackMode() == null ? FeedbackMode.FULL : draft.feedbackMode());
        draft.questions().forEach(this::addQuestion);
        if (draft.kind() == LessonKind.QUIZ && draft.questions().isEmpty()) {
            addQuestion(new LessonDraft.QuestionDraft(QuestionKind.SINGLE, "", null, List.of()));
        }
        showPart();

        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                curriculum.saveLesson(moduleId, lessonId, draft());
                Notifications.success("editor.saved");
                afterSave.run();
                close();
            } catch (ValidationException invalid) {
                error.setText(getTranslation(invalid.messageKey(), invalid.arguments()));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-lesson");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    /** The upload of a video or document; the file is checked by its content on the server. */
    private void filePart(CurriculumService curriculum, @Nullable Long lessonId) {
        filePart.setWidthFull();
        Paragraph status = new Paragraph();
        status.setId("lesson-file-status");
        filePart.add(status);
        if (lessonId == null) {
            status.setText(getTranslation("editor.file.saveFirst"));
            return;
        }
        LessonDraft current = curriculum.lessonForEditing(lessonId);
        status.setText(current.fileName() == null ? getTranslation("editor.file.none")
                : getTranslation("editor.file.current", current.fileName()));
        long max = curriculum.maxFileBytes();
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> {
            UI ui = UI.getCurrent();
            ui.access(() -> {
                try {
                    LessonContent saved = curriculum.attachFile(lessonId, meta.fileName(), bytes);
                    status.setText(getTranslation("editor.file.current", saved.fileName()));
                    Notifications.success("editor.file.uploaded");
                } catch (ValidationException invalid) {
                    status.setText(getTranslation(invalid.messageKey(), invalid.arguments()));
                }
            });
        }));
        upload.setMaxFiles(1);
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
        textPart.setVisible(true);
        content.setLabel(getTranslation(quiz ? "editor.lesson.intro" : "editor.lesson.content"));
    }

    private void addQuestion(LessonDraft.QuestionDraft q) {
        QuestionEditor editor = new QuestionEditor(q);
        editors.add(editor);
        questions.add(editor);
    }

    private LessonDraft draft() {
        List<LessonDraft.QuestionDraft> qs = editors.stream().filter(ed -> ed.isAttached()).map(QuestionEditor::draft).toList();
        return new LessonDraft(kind.getValue(), title.getValue(), required.getValue(), content.getValue(), passMark.getValue(),
                attemptLimit.getValue(), shuffle.getValue(), feedback.getValue(), qs, null);
    }

    /** One question: its kind, text, explanation and options, each with a "correct" box. */
    private class QuestionEditor extends Div {

        private final Select<QuestionKind> kind = new Select<>();
        private final TextArea text = new TextArea();
        private final TextField explanation = new TextField();
        private final List<Checkbox> correct = new ArrayList<>();
        private final List<TextField> options = new ArrayList<>();

        QuestionEditor(LessonDraft.QuestionDraft q) {
            addClassName("question-editor");
            getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)")
                    .set("padding", "var(--lumo-space-s)").set("margin-bottom", "var(--lumo-space-s)");
            kind.setLabel(getTranslation("editor.quiz.questionKind"));
            kind.setItems(QuestionKind.values());
            kind.setItemLabelGenerator(k -> getTranslation("questionKind." + k.name()));
            kind.setValue(q.kind());
            text.setLabel(getTranslation("editor.quiz.questionText"));
            text.setWidthFull();
            text.setValue(q.text());
            explanation.setLabel(getTranslation("editor.quiz.explanation"));
            explanation.setWidthFull();
            explanation.setValue(q.explanation() == null ? "" : q.explanation());
            Button remove = new Button(VaadinIcon.TRASH.create(), e -> removeFromParent());
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("editor.quiz.removeQuestion"));
            add(new Div(kind, remove), text);
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
