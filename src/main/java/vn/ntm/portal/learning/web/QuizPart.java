package vn.ntm.portal.learning.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import vn.ntm.portal.common.PlainPage;
import vn.ntm.portal.curriculum.FeedbackMode;
import vn.ntm.portal.curriculum.LessonContent;
import vn.ntm.portal.curriculum.QuestionKind;
import vn.ntm.portal.curriculum.QuizChoice;
import vn.ntm.portal.curriculum.QuizQuestion;
import vn.ntm.portal.curriculum.QuizResult;
import vn.ntm.portal.learning.LessonPage;
import vn.ntm.portal.learning.QuizAttemptView;
import vn.ntm.portal.learning.QuizOutcome;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static vn.ntm.portal.common.PlainPage.esc;

/**
 * The quiz part of a lesson page in its three states: before an attempt (the rules and "start"), during one (the
 * questions as a form, every question wrapping over as many lines as it needs), and after it (the verdict, what was
 * right, the attempts left and the next step).
 */
final class QuizPart {

    static final String STYLE = "fieldset{border:1px solid #ccc;border-radius:8px;margin:0 0 .8rem;padding:.6rem .8rem;min-width:0}"
            + "legend{font-weight:600;white-space:normal;overflow-wrap:anywhere;padding:0 .2rem}"
            + "fieldset label{display:flex;gap:.6rem;align-items:flex-start;font-weight:400;margin:.2rem 0;padding:.35rem 0;min-height:24px;overflow-wrap:anywhere}"
            + "fieldset input{width:24px;height:24px;flex:none;margin:0}.feedback{margin:.3rem 0 0}";

    private QuizPart() {
    }

    static String start(PlainPage page, HttpServletRequest request, LessonPage lesson) {
        page.style(STYLE);
        StringBuilder html = new StringBuilder(rules(page, lesson.lesson(), lesson.attemptsLeft()));
        if (lesson.done()) {
            html.append("<p><span class=\"badge\" id=\"quiz-passed\">").append(esc(page.t("quiz.alreadyPassed"))).append("</span></p>");
        }
        Integer left = lesson.attemptsLeft();
        if (left == null || left > 0) {
            html.append("<div class=\"actions\">").append(LearningPages.postButton(request, "lesson/" + lesson.lesson().id() + "/quiz",
                    "quiz-start", page.t(lesson.attemptsUsed() == 0 ? "quiz.start" : "quiz.retry"), false)).append("</div>");
        } else {
            html.append("<p id=\"quiz-no-attempts\">").append(esc(page.t("quiz.noAttemptsLeft"))).append("</p>");
        }
        return html.toString();
    }

    static String questions(PlainPage page, HttpServletRequest request, LessonPage lesson, QuizAttemptView attempt) {
        page.style(STYLE);
        StringBuilder html = new StringBuilder(rules(page, lesson.lesson(), lesson.attemptsLeft()));
        html.append("<form id=\"quiz-form\" method=\"post\" action=\"lesson/").append(lesson.lesson().id()).append("/quiz/")
                .append(attempt.attemptId()).append("\">").append(LearningPages.csrf(request));
        int n = 1;
        for (QuizQuestion q : attempt.questions()) {
            html.append(question(page, q, n++, Set.of(), false, null));
        }
        html.append("<button id=\"quiz-submit\" type=\"submit\">").append(esc(page.t("quiz.submit"))).append("</button></form>");
        return html.toString();
    }

    static String result(PlainPage page, HttpServletRequest request, LessonPage lesson, QuizOutcome outcome,
                         Map<Long, Set<Integer>> answers) {
        page.style(STYLE);
        QuizResult r = outcome.result();
        // the count above the quiz follows the attempt just made
        StringBuilder html = new StringBuilder(rules(page, lesson.lesson(), outcome.attemptsLeft()));
        html.append("<div id=\"quiz-result\" role=\"status\"><p><span id=\"quiz-verdict\" class=\"badge").append(r.passed() ? "" : " bad")
                .append("\">").append(esc(page.t(r.passed() ? "quiz.passed" : "quiz.failed"))).append("</span></p>");
        if (r.feedbackMode() != FeedbackMode.RESULT_ONLY) {
            html.append("<p id=\"quiz-score\">").append(esc(page.t("quiz.score", r.scorePercent()))).append("</p>");
        }
        if (outcome.moduleCompleted()) {
            html.append("<p class=\"ok\" id=\"module-completed-now\">").append(esc(page.t("learning.moduleCompletedNow"))).append("</p>");
        }
        Integer left = outcome.attemptsLeft();
        if (!r.passed()) {
            html.append("<p id=\"quiz-attempts-left\">").append(esc(left == null ? "" : left > 0 ? page.t("quiz.attemptsLeft", left)
                    : page.t("quiz.noAttemptsLeft"))).append("</p>");
        }
        html.append("</div>");
        html.append(nextStep(page, request, lesson, r.passed(), left));
        Map<Long, QuizResult.QuestionFeedback> feedback = r.questions().stream()
                .collect(Collectors.toMap(QuizResult.QuestionFeedback::questionId, Function.identity()));
        int n = 1;
        for (QuizQuestion q : lesson.lesson().questions()) {
            html.append(question(page, q, n++, answers.getOrDefault(q.id(), Set.of()), true, feedback.get(q.id())));
        }
        return html.toString();
    }

    /**
     * Where to go once the quiz is answered: the next lesson, or back to the module when this was the last one (then
     * the main action). A failed quiz with tries left offers "try again" first, and the module next to it.
     */
    private static String nextStep(PlainPage page, HttpServletRequest request, LessonPage lesson, boolean passed, @Nullable Integer left) {
        boolean finished = passed || Integer.valueOf(0).equals(left);
        StringBuilder html = new StringBuilder("<div class=\"actions\" id=\"quiz-next-step\">");
        if (!passed && (left == null || left > 0)) {
            html.append(LearningPages.postButton(request, "lesson/" + lesson.lesson().id() + "/quiz", "quiz-again", page.t("quiz.retry"), false));
        }
        Long next = lesson.nextLessonId();
        if (finished && next != null) {
            html.append("<a class=\"link-button\" id=\"quiz-next-lesson\" href=\"lesson/").append(next).append("\">")
                    .append(esc(page.t("quiz.nextLesson"))).append(" →</a>");
        }
        boolean main = finished && next == null;
        html.append("<a class=\"link-button").append(main ? "" : " secondary").append("\" id=\"quiz-back-to-module\" href=\"module/")
                .append(lesson.module().id()).append("\"").append(main ? " data-primary" : "").append(">← ")
                .append(esc(page.t("quiz.backToModule"))).append("</a>");
        return html.append("</div>").toString();
    }

    private static String rules(PlainPage page, LessonContent quiz, @Nullable Integer attemptsLeft) {
        return "<p id=\"quiz-rules\">" + esc(page.t("quiz.rules", quiz.questions().size(), quiz.passMark(),
                attemptsLeft == null ? page.t("quiz.unlimited") : String.valueOf(attemptsLeft))) + "</p>";
    }

    /** One question as a group of choices; after grading the same, read-only, with the chosen options and the marks. */
    private static String question(PlainPage page, QuizQuestion q, int n, Set<Integer> chosen, boolean graded,
                                   QuizResult.@Nullable QuestionFeedback feedback) {
        boolean multiple = q.kind() == QuestionKind.MULTIPLE;
        StringBuilder html = new StringBuilder("<fieldset class=\"quiz-question\" id=\"question-" + n + "\"" + (graded ? " disabled" : "")
                + "><legend>" + esc(page.t("quiz.question", n) + " " + q.text()
                + (multiple ? " " + page.t("quiz.multipleHint") : "")) + "</legend>");
        for (QuizChoice c : q.choices()) {
            String inputId = "q" + q.id() + "-" + c.index();
            html.append("<label for=\"").append(inputId).append("\"><input id=\"").append(inputId).append("\" type=\"")
                    .append(multiple ? "checkbox" : "radio").append("\" name=\"q").append(q.id()).append("\" value=\"").append(c.index())
                    .append('"').append(chosen.contains(c.index()) ? " checked" : "").append("><span>").append(esc(c.text()))
                    .append("</span></label>");
        }
        if (feedback != null) {
            html.append("<p class=\"feedback\"><span class=\"badge").append(feedback.correct() ? "" : " bad").append("\">")
                    .append(esc(page.t(feedback.correct() ? "quiz.right" : "quiz.wrong"))).append("</span></p>");
            if (!feedback.correctChoices().isEmpty()) {
                List<String> right = q.choices().stream().filter(c -> feedback.correctChoices().contains(c.index())).map(QuizChoice::text).toList();
                html.append("<p class=\"feedback\">").append(esc(page.t("quiz.answer", String.join("; ", right)))).append("</p>");
            }
            if (feedback.explanation() != null) {
                html.append("<p class=\"feedback muted\">").append(esc(feedback.explanation())).append("</p>");
            }
        }
        return html.append("</fieldset>").toString();
    }
}
