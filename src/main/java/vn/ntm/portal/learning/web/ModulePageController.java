package vn.ntm.portal.learning.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.portal.common.PlainPage;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.curriculum.LessonSummary;
import vn.ntm.portal.curriculum.ModuleSummary;
import vn.ntm.portal.learning.EnrolmentState;
import vn.ntm.portal.learning.LearningService;
import vn.ntm.portal.learning.ModulePage;

import java.util.stream.Collectors;

import static vn.ntm.portal.common.PlainPage.esc;

/**
 * A module as a plain page: what it is, its lessons with what is done, and enrolment or the way back to where the
 * trainee stopped. Enrolling is a form post (with the form token) answered by a redirect, so that reloading the page
 * never enrols twice.
 */
@RestController
class ModulePageController {

    private final LearningService learning;

    ModulePageController(LearningService learning) {
        this.learning = learning;
    }

    @GetMapping("/module/{id}")
    ResponseEntity<String> module(@PathVariable("id") String id, HttpServletRequest request) {
        return show(id, request, null);
    }

    @PostMapping("/module/{id}/enrol")
    ResponseEntity<String> enrol(@PathVariable("id") String id, HttpServletRequest request) {
        try {
            learning.enrol(LessonPageController.id(id, "curriculum.error.moduleNotFound"));
        } catch (ValidationException e) {
            if (!e.messageKey().equals("learning.error.alreadyEnrolled")) {
                return show(id, request, e);
            }
        }
        return ResponseEntity.status(303).header("Location", request.getContextPath() + "/module/" + id + "?enrolled").build();
    }

    private ResponseEntity<String> show(String id, HttpServletRequest request, @Nullable ValidationException failure) {
        ModulePage module;
        try {
            module = learning.module(LessonPageController.id(id, "curriculum.error.moduleNotFound"));
        } catch (ValidationException | AccessDeniedException e) {
            return LearningPages.refused(request, e, "module");
        }
        PlainPage page = LearningPages.page(request);
        ModuleSummary m = module.module();
        page.raw("<h1 id=\"module-title\">" + esc(m.title()) + "</h1>");
        page.paragraph(page.t("catalog.topicOf", m.topicNumber(), m.topicTitle(), m.programmeTitle()), "muted");
        if (m.summary() != null && !m.summary().isBlank()) {
            page.paragraph(m.summary(), null);
        }
        page.paragraph(page.t("catalog.for", m.levels().stream().map(l -> page.t("traineeLevel." + l.name()))
                .collect(Collectors.joining(", "))), null);
        page.paragraph(page.t("learning.version", m.version()), "muted");
        if (failure != null) {
            page.raw("<p class=\"err\" id=\"module-error\" role=\"alert\">" + esc(page.t(failure.messageKey(), failure.arguments())) + "</p>");
        }
        if (request.getParameter("enrolled") != null && module.enrolment() != null) {
            page.raw("<p class=\"ok\" id=\"enrolled\" role=\"status\">" + esc(page.t("learning.enrolled")) + "</p>");
        }
        EnrolmentState state = module.enrolment();
        if (state == null) {
            page.raw("<div class=\"actions\">" + LearningPages.postButton(request, "module/" + m.id() + "/enrol", "enrol",
                    page.t("learning.enrol"), false) + "</div>");
        } else {
            progress(page, state, m);
        }
        page.raw("<h2>" + esc(page.t("learning.lessons")) + "</h2><ol id=\"lesson-list\" class=\"lessons\">");
        for (LessonSummary lesson : module.lessons()) {
            boolean done = state != null && state.doneLessons().contains(lesson.id());
            String title = state == null ? esc(lesson.title()) : "<a href=\"lesson/" + lesson.id() + "\">" + esc(lesson.title()) + "</a>";
            page.raw("<li class=\"" + (done ? "done" : "todo") + "\"><span class=\"mark\" aria-hidden=\"true\">" + (done ? "✓" : "○")
                    + "</span> " + title + "<br><span class=\"muted\">" + esc(page.t(done ? "learning.lessonDone" : "learning.lessonTodo"))
                    + " · " + esc(page.t("lesson.kind." + lesson.kind().name()))
                    + (lesson.required() ? "" : " · " + esc(page.t("learning.optional"))) + "</span></li>");
        }
        page.raw("</ol>");
        page.style(".lessons{padding-left:1.4rem}.lessons li{margin:.5rem 0}.mark{font-weight:700;color:#767676}"
                + ".done .mark{color:#2e7d32}");
        return LearningPages.titled(page, failure == null ? 200 : 409, m.title());
    }

    private static void progress(PlainPage page, EnrolmentState state, ModuleSummary m) {
        String text = state.completed()
                ? page.t("learning.completedOn", LearningPages.DATE.format(state.completedOn()), state.completedVersion())
                : page.t("learning.progress", state.requiredDone(), state.requiredTotal());
        String id = state.completed() ? "module-completed" : "module-progress-text";
        page.raw("<p id=\"" + id + "\"" + (state.completed() ? " class=\"ok\"" : "") + ">" + esc(text) + "</p>");
        page.raw("<progress id=\"module-progress\" max=\"" + Math.max(1, state.requiredTotal()) + "\" value=\"" + (state.requiredTotal() == 0 ? 1 : state.requiredDone())
                + "\" aria-labelledby=\"" + id + "\"></progress>");
        if (state.completed() && state.completedVersion() != null && state.completedVersion() != m.version()) {
            page.raw("<p><a id=\"completed-edition\" href=\"module-edition/" + m.id() + "/" + state.completedVersion() + "\">"
                    + esc(page.t("learning.completedEdition", state.completedVersion())) + "</a></p>");
        }
        if (state.resumeLessonId() != null) {
            page.raw("<div class=\"actions\"><a class=\"link-button\" id=\"resume\" href=\"lesson/" + state.resumeLessonId() + "\">"
                    + esc(page.t(state.doneLessons().isEmpty() ? "learning.start" : "learning.resume")) + "</a></div>");
        }
    }
}
