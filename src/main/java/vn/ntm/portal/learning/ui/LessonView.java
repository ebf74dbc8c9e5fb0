package vn.ntm.portal.learning.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.dom.DomListenerRegistration;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.curriculum.FeedbackMode;
import vn.ntm.portal.curriculum.LessonContent;
import vn.ntm.portal.curriculum.LessonHtml;
import vn.ntm.portal.curriculum.QuestionKind;
import vn.ntm.portal.curriculum.QuizChoice;
import vn.ntm.portal.curriculum.QuizQuestion;
import vn.ntm.portal.curriculum.QuizResult;
import vn.ntm.portal.learning.LearningService;
import vn.ntm.portal.learning.LessonPage;
import vn.ntm.portal.learning.QuizAttemptView;
import vn.ntm.portal.learning.QuizOutcome;
import vn.ntm.portal.shell.Notifications;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import vn.ntm.portal.shell.PortalIcon;

/**
 * The lesson player: text lessons as sanitized HTML (see LessonHtml), quizzes as a form
 * graded on the server with the feedback the author chose, and the way to the previous and next lesson.
 */
@Route("lesson")
@PageTitle("nav.lesson")
@PermitAll
class LessonView extends VerticalLayout implements HasUrlParameter<Long> {

    private final LearningService learning;
    private long lessonId;

    /** The page of the quiz being taken and its rules line, which follows the attempts made. */
    private LessonPage current;
    private Paragraph rules = new Paragraph();

    LessonView(LearningService learning) {
        this.learning = learning;
        addClassName("lesson-view");
        setMaxWidth("48rem");
    }

    @Override
    public void setParameter(BeforeEvent event, Long lessonId) {
        this.lessonId = lessonId;
        try {
            show(learning.openLesson(lessonId));
        } catch (ValidationException e) {
            removeAll();
            Paragraph error = new Paragraph(getTranslation(e.messageKey(), e.arguments()));
            error.addClassName("form-error");
            error.setId("lesson-error");
            error.getElement().setAttribute("data-outcome", "refused");
            add(error, new Anchor("catalog", getTranslation("learning.backToCatalog")));
        }
    }

    private void show(LessonPage page) {
        removeAll();
        LessonContent lesson = page.lesson();
        Anchor module = new Anchor("module/" + page.module().id(), page.module().title());
        module.setId("lesson-module");
        H2 title = new H2(lesson.title());
        title.setId("lesson-title");
        add(module, title);
        if (page.enrolment().completed()) {
            Span completed = new Span(getTranslation("learning.completedOn",
                    ModuleView.DATE.format(page.enrolment().completedOn()), page.enrolment().completedVersion()));
            completed.setId("module-completed");
            completed.getElement().getThemeList().add("badge success");
            add(completed);
        }
        switch (lesson.kind()) {
            case TEXT -> text(page);
            case QUIZ -> quizStart(page);
            case VIDEO -> {
                if (page.lesson().hasFile()) {
                    video(page);
                } else {
                    noFile(page);
                }
            }
            case DOCUMENT -> {
                if (page.lesson().hasFile()) {
                    document(page);
                } else {
                    noFile(page);
                }
            }
        }
        add(navigation(page));
    }

    private void text(LessonPage page) {
        Div content = html(page.lesson().content());
        content.setId("lesson-content");
        add(content);
        add(doneButton(page, "learning.markRead"));
    }

    private void noFile(LessonPage page) {
        Paragraph missing = new Paragraph(getTranslation("learning.noFile"));
        missing.setId("lesson-no-file");
        add(missing);
        if (page.lesson().content() != null) {
            add(html(page.lesson().content()));
        }
        add(doneButton(page, "learning.markDone"));
    }

    /**
     * A plain HTML video streamed with range requests from /files/lessons/{id}: it seeks without downloading the whole
     * file, starts where the trainee stopped (on any device), and reports the position every few seconds, on pause and
     * at the end; 90% watched completes the lesson.
     */
    private void video(LessonPage page) {
        if (page.lesson().content() != null) {
            add(html(page.lesson().content()));
        }
        Element video = new Element("video");
        video.setAttribute("controls", true);
        video.setAttribute("preload", "metadata");
        video.setAttribute("playsinline", true);
        video.setAttribute("src", fileUrl(false));
        video.setAttribute("aria-label", page.lesson().title());
        video.getStyle().set("width", "100%").set("max-height", "60vh").set("background", "black");
        Div player = new Div();
        player.getElement().appendChild(video);
        player.setId("lesson-video");
        player.setWidthFull();
        add(player);
        if (page.resumeSeconds() > 0) {
            video.executeJs("const v = this; const go = () => { v.currentTime = $0; };"
                    + " if (v.readyState >= 1) { go(); } else { v.addEventListener('loadedmetadata', go, {once: true}); }",
                    page.resumeSeconds());
            Span resumed = new Span(getTranslation("learning.video.resumed", minutes(page.resumeSeconds())));
            resumed.setId("video-resumed");
            resumed.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
            add(resumed);
        }
        Span status = new Span(getTranslation(page.done() ? "learning.lessonDone" : "learning.video.watch"));
        status.setId("video-status");
        add(status);
        for (String type : new String[]{"timeupdate", "pause", "ended"}) {
            DomListenerRegistration registration = video.addEventListener(type, e -> {
                double position = e.getEventData().path("element.currentTime").asDouble(-1);
                double duration = e.getEventData().path("element.duration").asDouble(-1);
                try {
                    LessonPage after = learning.videoProgress(lessonId, position, duration);
                    if (after.done() && !status.getText().equals(getTranslation("learning.lessonDone"))) {
                        status.setText(getTranslation("learning.lessonDone"));
                        Notifications.success(after.enrolment().completed() ? "learning.moduleCompletedNow" : "learning.video.done");
                    }
                } catch (ValidationException invalid) {
                    Notifications.error(invalid);
                }
            });
            registration.addEventData("element.currentTime").addEventData("element.duration");
            if (type.equals("timeupdate")) {
                registration.throttle(5000);
            }
        }
    }

    /** A PDF shown in the page (the browser's own viewer) with a download link; opening the lesson counts as read. */
    private void document(LessonPage page) {
        if (page.lesson().content() != null) {
            add(html(page.lesson().content()));
        }
        IFrame frame = new IFrame(fileUrl(false));
        frame.setWidthFull();
        frame.setHeight("70vh");
        frame.getElement().setAttribute("title", page.lesson().title());
        frame.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)");
        frame.setId("lesson-document");
        Anchor download = new Anchor(fileUrl(true), getTranslation("learning.document.download",
                page.lesson().fileName() == null ? "" : page.lesson().fileName(), Math.max(1, page.lesson().fileSize() / 1024)));
        download.getElement().setAttribute("download", true);
        download.setRouterIgnore(true);
        download.setId("lesson-download");
        add(frame, download);
    }

    /**
     * The lesson text: HTML that was sanitized when it was saved, passed through the same allow-list again here, so
     * that a row written by other means (an old import, the database) cannot bring a script or handler to the page.
     */
    private static Div html(String content) {
        Div box = new Div();
        box.addClassName("lesson-html");
        box.setWidthFull();
        box.getElement().setProperty("innerHTML", LessonHtml.sanitize(content));
        return box;
    }

    private String fileUrl(boolean download) {
        return "files/lessons/" + lessonId + (download ? "?download=true" : "");
    }

    private static String minutes(int seconds) {
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    private Component doneButton(LessonPage page, String labelKey) {
        if (page.done()) {
            Span done = new Span(getTranslation("learning.lessonDone"));
            done.getElement().getThemeList().add("badge success");
            done.setId("lesson-done-badge");
            return done;
        }
        Button done = new Button(getTranslation(labelKey), PortalIcon.CHECK.create(), e -> {
            try {
                LessonPage after = learning.completeLesson(lessonId);
                if (after.nextLessonId() != null) {
                    getUI().ifPresent(ui -> ui.navigate("lesson/" + after.nextLessonId()));
                } else {
                    show(after);
                }
            } catch (ValidationException invalid) {
                Notifications.error(invalid);
            }
        });
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        done.setId("lesson-done");
        return done;
    }

    private void quizStart(LessonPage page) {
        LessonContent quiz = page.lesson();
        current = page;
        rules = new Paragraph(rulesText(page.attemptsLeft()));
        rules.setId("quiz-rules");
        add(rules);
        if (page.done()) {
            Span passed = new Span(getTranslation("quiz.alreadyPassed"));
            passed.getElement().getThemeList().add("badge success");
            passed.setId("quiz-passed");
            add(passed);
        }
        Div form = new Div();
        form.setWidthFull();
        Button start = new Button(getTranslation(page.attemptsUsed() == 0 ? "quiz.start" : "quiz.retry"), PortalIcon.PLAY.create());
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setId("quiz-start");
        start.addClickListener(e -> {
            try {
                QuizAttemptView attempt = learning.startQuiz(lessonId);
                start.setVisible(false);
                quizForm(form, attempt);
            } catch (ValidationException invalid) {
                Notifications.error(invalid);
            }
        });
        start.setEnabled(page.attemptsLeft() == null || page.attemptsLeft() > 0);
        add(start, form);
    }

    private String rulesText(@org.jspecify.annotations.Nullable Integer attemptsLeft) {
        LessonContent quiz = current.lesson();
        return getTranslation("quiz.rules", quiz.questions().size(), quiz.passMark(),
                attemptsLeft == null ? getTranslation("quiz.unlimited") : String.valueOf(attemptsLeft));
    }

    private void quizForm(Div form, QuizAttemptView attempt) {
        form.removeAll();
        Map<Long, Supplier<Set<Integer>>> answers = new LinkedHashMap<>();
        Map<Long, Div> boxes = new HashMap<>();
        int n = 1;
        for (QuizQuestion q : attempt.questions()) {
            Div box = new Div();
            box.setId("question-" + n);
            box.addClassName("quiz-question");
            box.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)")
                    .set("padding", "var(--lumo-space-s)").set("margin-bottom", "var(--lumo-space-s)");
            String label = getTranslation("quiz.question", n) + " " + q.text()
                    + (q.kind() == QuestionKind.MULTIPLE ? " " + getTranslation("quiz.multipleHint") : "");
            if (q.kind() == QuestionKind.MULTIPLE) {
                CheckboxGroup<QuizChoice> group = new CheckboxGroup<>(label);
                group.setItems(q.choices());
                group.setItemLabelGenerator(QuizChoice::text);
                group.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
                group.setWidthFull();
                answers.put(q.id(), () -> group.getValue().stream().map(QuizChoice::index).collect(Collectors.toSet()));
                box.add(group);
            } else {
                RadioButtonGroup<QuizChoice> group = new RadioButtonGroup<>(label);
                group.setItems(q.choices());
                group.setItemLabelGenerator(QuizChoice::text);
                group.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
                group.setWidthFull();
                answers.put(q.id(), () -> group.getValue() == null ? Set.of() : Set.of(group.getValue().index()));
                box.add(group);
            }
            boxes.put(q.id(), box);
            n++;
        }
        Button submit = new Button(getTranslation("quiz.submit"), PortalIcon.CHECK.create());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("quiz-submit");
        submit.setDisableOnClick(true);
        Div result = new Div();
        result.setId("quiz-result");
        submit.addClickListener(e -> {
            Map<Long, Set<Integer>> chosen = new HashMap<>();
            answers.forEach((id, value) -> chosen.put(id, new HashSet<>(value.get())));
            try {
                QuizOutcome outcome = learning.submitQuiz(attempt.attemptId(), chosen);
                showResult(result, outcome, attempt.questions(), boxes);
                submit.setVisible(false);
                boxes.values().forEach(b -> b.getChildren().forEach(c -> c.getElement().setEnabled(false)));
            } catch (ValidationException invalid) {
                Notifications.error(invalid);
            }
        });
        attempt.questions().forEach(q -> form.add(boxes.get(q.id())));
        form.add(submit, result);
    }

    private void showResult(Div result, QuizOutcome outcome, List<QuizQuestion> questions, Map<Long, Div> boxes) {
        QuizResult r = outcome.result();
        result.removeAll();
        Span verdict = new Span(getTranslation(r.passed() ? "quiz.passed" : "quiz.failed"));
        verdict.getElement().getThemeList().add(r.passed() ? "badge success" : "badge error");
        verdict.setId("quiz-verdict");
        result.add(verdict);
        if (r.feedbackMode() != FeedbackMode.RESULT_ONLY) {
            Paragraph score = new Paragraph(getTranslation("quiz.score", r.scorePercent()));
            score.setId("quiz-score");
            result.add(score);
        }
        Map<Long, QuizQuestion> byId = questions.stream().collect(Collectors.toMap(QuizQuestion::id, q -> q));
        for (QuizResult.QuestionFeedback f : r.questions()) {
            Div box = boxes.get(f.questionId());
            if (box == null) {
                continue;
            }
            Span mark = new Span(getTranslation(f.correct() ? "quiz.right" : "quiz.wrong"));
            mark.getElement().getThemeList().add(f.correct() ? "badge success" : "badge error");
            box.add(mark);
            if (!f.correctChoices().isEmpty()) {
                QuizQuestion q = byId.get(f.questionId());
                String answer = q.choices().stream().filter(c -> f.correctChoices().contains(c.index()))
                        .map(QuizChoice::text).collect(Collectors.joining("; "));
                box.add(new Paragraph(getTranslation("quiz.answer", answer)));
            }
            if (f.explanation() != null) {
                Paragraph why = new Paragraph(f.explanation());
                why.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
                box.add(why);
            }
        }
        if (outcome.moduleCompleted()) {
            Span done = new Span(getTranslation("learning.moduleCompletedNow"));
            done.getElement().getThemeList().add("badge success");
            done.setId("module-completed-now");
            result.add(new Div(done));
        }
        // the count above the quiz follows the attempt just made
        rules.setText(rulesText(outcome.attemptsLeft()));
        result.add(nextStep(r.passed() || Integer.valueOf(0).equals(outcome.attemptsLeft())));
        if (!r.passed()) {
            Integer left = outcome.attemptsLeft();
            if (left == null || left > 0) {
                Button again = new Button(getTranslation("quiz.retry"), e -> getUI().ifPresent(ui -> ui.getPage().reload()));
                again.setId("quiz-again");
                result.add(new Paragraph(left == null ? "" : getTranslation("quiz.attemptsLeft", left)), again);
            } else {
                result.add(new Paragraph(getTranslation("quiz.noAttemptsLeft")));
            }
        }
    }

    /**
     * Where to go once the quiz is answered: the next lesson, or back to the module when this was the last one. A
     * failed quiz with tries left offers the module too, next to "try again".
     */
    private Component nextStep(boolean finished) {
        Div next = new Div();
        next.setId("quiz-next-step");
        next.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)")
                .set("margin-top", "var(--lumo-space-s)");
        Long nextLesson = current.nextLessonId();
        if (finished && nextLesson != null) {
            Button go = new Button(getTranslation("quiz.nextLesson"), PortalIcon.ARROW_RIGHT.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate("lesson/" + nextLesson)));
            go.setIconAfterText(true);
            go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            go.setId("quiz-next-lesson");
            next.add(go);
        }
        long moduleId = current.module().id();
        Button back = new Button(getTranslation("quiz.backToModule"), PortalIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("module/" + moduleId)));
        if (finished && nextLesson == null) {
            back.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        back.setId("quiz-back-to-module");
        next.add(back);
        return next;
    }

    private Component navigation(LessonPage page) {
        FlexLayout nav = new FlexLayout();
        nav.setWidthFull();
        nav.setJustifyContentMode(JustifyContentMode.BETWEEN);
        nav.getStyle().set("gap", "var(--lumo-space-s)").set("margin-top", "var(--lumo-space-m)");
        if (page.previousLessonId() != null) {
            Button previous = new Button(getTranslation("learning.previous"), PortalIcon.ARROW_LEFT.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate("lesson/" + page.previousLessonId())));
            previous.setId("lesson-previous");
            nav.add(previous);
        } else {
            nav.add(new Span());
        }
        if (page.nextLessonId() != null) {
            Button next = new Button(getTranslation("learning.next"), PortalIcon.ARROW_RIGHT.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate("lesson/" + page.nextLessonId())));
            next.setIconAfterText(true);
            next.setId("lesson-next");
            nav.add(next);
        }
        return nav;
    }
}
