package vn.ntm.portal.learning.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.portal.common.PlainPage;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.curriculum.LessonContent;
import vn.ntm.portal.curriculum.LessonHtml;
import vn.ntm.portal.learning.LearningService;
import vn.ntm.portal.learning.LessonPage;
import vn.ntm.portal.learning.QuizAttemptView;
import vn.ntm.portal.learning.QuizOutcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static vn.ntm.portal.common.PlainPage.esc;

/**
 * The lesson player as a plain page: text lessons as sanitized HTML, documents in the browser's own viewer, videos
 * that start where the trainee stopped (a small script of the portal's own reports the position), and quizzes as
 * plain forms graded on the server. Every action is a form post with the form token; the services decide who may
 * open the lesson (enrolled in a module they may see) exactly as for the UI.
 */
@RestController
class LessonPageController {

    private static final String SCRIPT = script();

    private final LearningService learning;

    LessonPageController(LearningService learning) {
        this.learning = learning;
    }

    @GetMapping("/lesson/{id}")
    ResponseEntity<String> lesson(@PathVariable("id") String id, HttpServletRequest request) {
        return answer(request, () -> {
            LessonPage lesson = learning.openLesson(id(id, "curriculum.error.lessonNotFound"));
            return render(request, lesson, null, page -> QuizPart.start(page, request, lesson));
        });
    }

    /** "I have read it": done, and on to the next lesson (a redirect, so that a reload posts nothing again). */
    @PostMapping("/lesson/{id}/done")
    ResponseEntity<String> done(@PathVariable("id") String id, HttpServletRequest request) {
        return answer(request, () -> {
            long lessonId = id(id, "curriculum.error.lessonNotFound");
            try {
                LessonPage after = learning.completeLesson(lessonId);
                long next = after.nextLessonId() != null ? after.nextLessonId() : lessonId;
                return ResponseEntity.status(303).header("Location", request.getContextPath() + "/lesson/" + next).build();
            } catch (ValidationException e) {
                if (refusal(e)) {
                    throw e;
                }
                LessonPage lesson = learning.openLesson(lessonId);
                return render(request, lesson, e, page -> QuizPart.start(page, request, lesson));
            }
        });
    }

    /** Opens an attempt (or the one still open) and shows its questions. */
    @PostMapping("/lesson/{id}/quiz")
    ResponseEntity<String> startQuiz(@PathVariable("id") String id, HttpServletRequest request) {
        return answer(request, () -> {
            long lessonId = id(id, "curriculum.error.lessonNotFound");
            LessonPage lesson = learning.openLesson(lessonId);
            try {
                QuizAttemptView attempt = learning.startQuiz(lessonId);
                return render(request, lesson, null, page -> QuizPart.questions(page, request, lesson, attempt));
            } catch (ValidationException e) {
                if (refusal(e)) {
                    throw e;
                }
                return render(request, lesson, e, page -> QuizPart.start(page, request, lesson));
            }
        });
    }

    /** Grades the attempt; the answers come as q{question id} = the chosen option's index, once per chosen option. */
    @PostMapping("/lesson/{id}/quiz/{attempt}")
    ResponseEntity<String> submitQuiz(@PathVariable("id") String id, @PathVariable("attempt") String attemptId,
                                      HttpServletRequest request) {
        Map<Long, Set<Integer>> answers = answers(request);
        return answer(request, () -> {
            long lessonId = id(id, "curriculum.error.lessonNotFound");
            long attempt = id(attemptId, "learning.error.attemptNotFound");
            QuizOutcome outcome;
            try {
                outcome = learning.submitQuiz(attempt, answers);
            } catch (ValidationException e) {
                if (refusal(e)) {
                    throw e;
                }
                LessonPage lesson = learning.openLesson(lessonId);
                return render(request, lesson, e, page -> QuizPart.start(page, request, lesson));
            }
            LessonPage lesson = learning.openLesson(lessonId);
            return render(request, lesson, null, page -> QuizPart.result(page, request, lesson, outcome, answers));
        });
    }

    /** Where the player is, every few seconds, on pause and at the end; the server decides what counts as watched. */
    @PostMapping(value = "/lesson/{id}/position", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> position(@PathVariable("id") String id, @RequestParam(name = "position", defaultValue = "-1") String position,
                                    @RequestParam(name = "duration", defaultValue = "-1") String duration) {
        try {
            LessonPage after = learning.videoProgress(id(id, "curriculum.error.lessonNotFound"), number(position), number(duration));
            return ResponseEntity.ok().header("Cache-Control", "no-store")
                    .body("{\"done\":" + after.done() + ",\"moduleCompleted\":" + after.enrolment().completed() + "}");
        } catch (ValidationException | AccessDeniedException e) {
            return ResponseEntity.status(403).body("{\"done\":false}");
        }
    }

    /** The video player's few lines: resume at the saved second and report the position (same origin, no inline script). */
    @GetMapping(value = "/lesson/video.js", produces = "text/javascript;charset=UTF-8")
    ResponseEntity<String> videoScript() {
        return ResponseEntity.ok().header("Cache-Control", "private, max-age=86400").body(SCRIPT);
    }

    private ResponseEntity<String> answer(HttpServletRequest request, java.util.function.Supplier<ResponseEntity<String>> work) {
        try {
            return work.get();
        } catch (ValidationException | AccessDeniedException e) {
            return LearningPages.refused(request, e, "lesson");
        }
    }

    private static boolean refusal(ValidationException e) {
        return e.messageKey().equals("learning.error.notEnrolled") || e.messageKey().startsWith("curriculum.error.module")
                || e.messageKey().equals("curriculum.error.lessonNotFound");
    }

    private ResponseEntity<String> render(HttpServletRequest request, LessonPage lesson, @Nullable ValidationException failure,
                                          Function<PlainPage, String> quiz) {
        PlainPage page = LearningPages.page(request);
        LessonContent content = lesson.lesson();
        page.raw("<p><a id=\"lesson-module\" href=\"module/" + lesson.module().id() + "\">" + esc(lesson.module().title()) + "</a></p>");
        page.raw("<h1 id=\"lesson-title\">" + esc(content.title()) + "</h1>");
        if (lesson.enrolment().completed()) {
            page.raw("<p><span class=\"badge\" id=\"module-completed\">" + esc(page.t("learning.completedOn",
                    LearningPages.DATE.format(lesson.enrolment().completedOn()), lesson.enrolment().completedVersion())) + "</span></p>");
        }
        if (failure != null) {
            page.raw("<p class=\"err\" id=\"lesson-error\" role=\"alert\">" + esc(page.t(failure.messageKey(), failure.arguments())) + "</p>");
        }
        switch (content.kind()) {
            case TEXT -> {
                page.raw("<div class=\"lesson-html\" id=\"lesson-content\">" + LessonHtml.sanitize(content.content()) + "</div>");
                page.raw(doneButton(page, request, lesson, "learning.markRead"));
            }
            case QUIZ -> page.raw(quiz.apply(page));
            case VIDEO, DOCUMENT -> {
                if (content.content() != null) {
                    page.raw("<div class=\"lesson-html\">" + LessonHtml.sanitize(content.content()) + "</div>");
                }
                if (!content.hasFile()) {
                    page.raw("<p id=\"lesson-no-file\">" + esc(page.t("learning.noFile")) + "</p>");
                    page.raw(doneButton(page, request, lesson, "learning.markDone"));
                } else if (content.kind() == vn.ntm.portal.curriculum.LessonKind.VIDEO) {
                    video(page, request, lesson);
                } else {
                    document(page, lesson);
                }
            }
        }
        navigation(page, lesson);
        return LearningPages.titled(page, failure == null ? 200 : 409, content.title());
    }

    private static String doneButton(PlainPage page, HttpServletRequest request, LessonPage lesson, String labelKey) {
        if (lesson.done()) {
            return "<p><span class=\"badge\" id=\"lesson-done-badge\">" + esc(page.t("learning.lessonDone")) + "</span></p>";
        }
        return "<div class=\"actions\">" + LearningPages.postButton(request, "lesson/" + lesson.lesson().id() + "/done",
                "lesson-done", page.t(labelKey), false) + "</div>";
    }

    /**
     * A plain HTML video streamed with range requests from files/lessons/{id}: it seeks without downloading the whole
     * file; the script starts it where the trainee stopped (on any device) and reports the position; 90% watched, as
     * the server counts it, completes the lesson.
     */
    private static void video(PlainPage page, HttpServletRequest request, LessonPage lesson) {
        long id = lesson.lesson().id();
        var token = (org.springframework.security.web.csrf.CsrfToken) request.getAttribute(
                org.springframework.security.web.csrf.CsrfToken.class.getName());
        page.raw("<div id=\"lesson-video\"><video controls preload=\"metadata\" playsinline src=\"files/lessons/" + id + "\""
                + " aria-label=\"" + esc(lesson.lesson().title()) + "\" data-resume=\"" + lesson.resumeSeconds() + "\""
                + " data-report=\"lesson/" + id + "/position\""
                + (token == null ? "" : " data-csrf-name=\"" + esc(token.getParameterName()) + "\" data-csrf-value=\"" + esc(token.getToken()) + "\"")
                + " data-done-text=\"" + esc(page.t("learning.lessonDone")) + "\" data-module-done-text=\""
                + esc(page.t("learning.lessonDone") + ". " + page.t("learning.moduleCompletedNow"))
                + "\" style=\"width:100%;max-height:60vh;background:#000\"></video></div>");
        if (lesson.resumeSeconds() > 0) {
            page.raw("<p class=\"muted\" id=\"video-resumed\">" + esc(page.t("learning.video.resumed",
                    String.format("%d:%02d", lesson.resumeSeconds() / 60, lesson.resumeSeconds() % 60))) + "</p>");
        }
        page.raw("<p id=\"video-status\" role=\"status\">" + esc(page.t(lesson.done() ? "learning.lessonDone" : "learning.video.watch")) + "</p>");
        page.script("lesson/video.js");
    }

    /** A PDF shown in the page (the browser's own viewer) with a download link; opening the lesson counts as read. */
    private static void document(PlainPage page, LessonPage lesson) {
        long id = lesson.lesson().id();
        page.raw("<iframe id=\"lesson-document\" src=\"files/lessons/" + id + "\" title=\"" + esc(lesson.lesson().title())
                + "\" style=\"width:100%;height:70vh;border:1px solid #ddd\"></iframe>");
        page.raw("<p><a id=\"lesson-download\" download href=\"files/lessons/" + id + "?download=true\">"
                + esc(page.t("learning.document.download", lesson.lesson().fileName() == null ? "" : lesson.lesson().fileName(),
                Math.max(1, lesson.lesson().fileSize() / 1024))) + "</a></p>");
    }

    private static void navigation(PlainPage page, LessonPage lesson) {
        StringBuilder html = new StringBuilder("<nav class=\"lesson-nav\" aria-label=\"" + esc(page.t("nav.lesson")) + "\"><span>");
        if (lesson.previousLessonId() != null) {
            html.append("<a class=\"link-button secondary\" id=\"lesson-previous\" rel=\"prev\" href=\"lesson/").append(lesson.previousLessonId())
                    .append("\">← ").append(esc(page.t("learning.previous"))).append("</a>");
        }
        html.append("</span><span>");
        if (lesson.nextLessonId() != null) {
            html.append("<a class=\"link-button secondary\" id=\"lesson-next\" rel=\"next\" href=\"lesson/").append(lesson.nextLessonId())
                    .append("\">").append(esc(page.t("learning.next"))).append(" →</a>");
        }
        page.raw(html.append("</span></nav>").toString());
        page.style(".lesson-nav{display:flex;justify-content:space-between;flex-wrap:wrap;gap:.5rem;margin:1.5rem 0}");
    }

    private static Map<Long, Set<Integer>> answers(HttpServletRequest request) {
        Map<Long, Set<Integer>> answers = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (name.matches("q[0-9]{1,18}")) {
                Set<Integer> chosen = new HashSet<>();
                for (String value : values) {
                    if (value.matches("[0-9]{1,4}")) {
                        chosen.add(Integer.parseInt(value));
                    }
                }
                answers.put(Long.parseLong(name.substring(1)), chosen);
            }
        });
        return answers;
    }

    /** An id from the address; anything that is not one reads as "no such module/lesson", never as an error page. */
    static long id(String text, String notFoundKey) {
        if (!text.matches("[0-9]{1,18}")) {
            throw new ValidationException(notFoundKey);
        }
        return Long.parseLong(text);
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String script() {
        try (var in = new ClassPathResource("learning/video.js").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
