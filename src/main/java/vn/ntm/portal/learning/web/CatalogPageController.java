package vn.ntm.portal.learning.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.common.PlainPage;
import vn.ntm.portal.curriculum.CatalogService;
import vn.ntm.portal.curriculum.ModuleSummary;
import vn.ntm.portal.curriculum.ProgrammeStatus;
import vn.ntm.portal.curriculum.ProgrammeSummary;
import vn.ntm.portal.learning.EnrolmentState;
import vn.ntm.portal.learning.LearningService;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static vn.ntm.portal.common.PlainPage.esc;

/**
 * The catalog of published modules as a plain page: a search that ignores diacritics and case ("chuyen doi so" finds
 * "Chuyển đổi số"), filters by programme and trainee level, a page of modules at a time, and next to each module
 * "enrol" or "continue". A GET form, so that a search is a link that can be shared and the back button works.
 */
@RestController
class CatalogPageController {

    static final int PAGE_SIZE = 20;

    private final CatalogService catalog;
    private final LearningService learning;

    CatalogPageController(CatalogService catalog, LearningService learning) {
        this.catalog = catalog;
        this.learning = learning;
    }

    @GetMapping("/catalog")
    ResponseEntity<String> catalog(@RequestParam(name = "q", defaultValue = "") String text,
                                   @RequestParam(name = "programme", required = false) @Nullable String programmeParam,
                                   @RequestParam(name = "level", required = false) @Nullable String levelParam,
                                   @RequestParam(name = "page", defaultValue = "1") String pageParam,
                                   HttpServletRequest request) {
        String search = text.length() > 200 ? text.substring(0, 200) : text;
        List<ProgrammeSummary> programmes = catalog.programmes().stream().filter(p -> p.status() != ProgrammeStatus.DRAFT).toList();
        // anything unknown in the address (an old link, a typo) just means "no filter"
        @Nullable Long programme = programmes.stream().filter(p -> String.valueOf(p.id()).equals(programmeParam))
                .map(ProgrammeSummary::id).findFirst().orElse(null);
        @Nullable TraineeLevel level = java.util.Arrays.stream(TraineeLevel.values()).filter(l -> l.name().equals(levelParam))
                .findFirst().orElse(null);
        long total = catalog.count(programme, level, search);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int pageNumber = Math.min(pages, Math.max(1, parse(pageParam)));
        List<ModuleSummary> modules = catalog.search(programme, level, search, (pageNumber - 1) * PAGE_SIZE, PAGE_SIZE);
        Map<Long, EnrolmentState> mine = learning.myEnrolments(modules.stream().map(ModuleSummary::id).toList());

        PlainPage page = LearningPages.page(request);
        page.heading(page.t("nav.catalog"));
        form(page, programmes, search, programme, level);
        page.raw("<p id=\"catalog-count\" role=\"status\">" + esc(page.t("catalog.count", total)) + "</p>");
        page.raw("<ul id=\"catalog-list\" class=\"cards\">");
        for (ModuleSummary module : modules) {
            page.raw(card(page, request, module, mine.get(module.id())));
        }
        page.raw("</ul>");
        pager(page, search, programme, level, pageNumber, pages);
        page.style(".cards{list-style:none;padding:0;margin:0}.cards li{border-top:1px solid #ddd;padding:.7rem 0}"
                + ".cards h2{margin:0 0 .2rem;font-size:1.05rem}.cards h2 a{padding:0}"
                + "select{width:100%;box-sizing:border-box;font-size:1rem;padding:.55rem;border:1px solid #767676;border-radius:6px;background:#fff}"
                + ".filters{display:grid;gap:0 1rem;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr))}"
                + ".pager{display:flex;justify-content:space-between;gap:1rem;margin:1rem 0}.pager a{padding:.5rem 0}");
        return LearningPages.html(page, 200, "nav.catalog");
    }

    private static void form(PlainPage page, List<ProgrammeSummary> programmes, String search, @Nullable Long programme,
                             @Nullable TraineeLevel level) {
        StringBuilder html = new StringBuilder("<form method=\"get\" action=\"catalog\" role=\"search\"><div class=\"filters\"><div>"
                + "<label for=\"catalog-search\">" + esc(page.t("catalog.search")) + "</label>"
                + "<input id=\"catalog-search\" name=\"q\" type=\"search\" maxlength=\"200\" value=\"" + esc(search) + "\"></div>"
                + "<div><label for=\"catalog-programme\">" + esc(page.t("catalog.programme")) + "</label>"
                + "<select id=\"catalog-programme\" name=\"programme\"><option value=\"\">" + esc(page.t("catalog.programme.all")) + "</option>");
        for (ProgrammeSummary p : programmes) {
            html.append("<option value=\"").append(p.id()).append('"').append(Long.valueOf(p.id()).equals(programme) ? " selected" : "")
                    .append('>').append(esc(p.title())).append("</option>");
        }
        html.append("</select></div><div><label for=\"catalog-level\">").append(esc(page.t("catalog.level"))).append("</label>")
                .append("<select id=\"catalog-level\" name=\"level\"><option value=\"\">").append(esc(page.t("catalog.level.all"))).append("</option>");
        for (TraineeLevel l : TraineeLevel.values()) {
            html.append("<option value=\"").append(l.name()).append('"').append(l == level ? " selected" : "").append('>')
                    .append(esc(page.t("traineeLevel." + l.name()))).append("</option>");
        }
        html.append("</select></div></div><button id=\"catalog-submit\" type=\"submit\">").append(esc(page.t("catalog.find")))
                .append("</button></form>");
        page.raw(html.toString());
    }

    private static String card(PlainPage page, HttpServletRequest request, ModuleSummary m, @Nullable EnrolmentState state) {
        String levels = m.levels().stream().map(l -> page.t("traineeLevel." + l.name())).collect(Collectors.joining(", "));
        StringBuilder html = new StringBuilder("<li class=\"module-card\" data-module=\"" + m.id() + "\"><h2><a href=\"module/" + m.id() + "\">"
                + esc(m.title()) + "</a></h2><p class=\"muted\">" + esc(page.t("catalog.topicOf", m.topicNumber(), m.topicTitle(), m.programmeTitle()))
                + "</p>");
        if (m.summary() != null && !m.summary().isBlank()) {
            html.append("<p>").append(esc(m.summary())).append("</p>");
        }
        html.append("<p class=\"muted\">").append(esc(page.t("catalog.for", levels))).append("</p><div class=\"actions\">");
        if (state == null) {
            html.append(LearningPages.postButton(request, "module/" + m.id() + "/enrol", "enrol-" + m.id(), page.t("learning.enrol"), false));
        } else if (state.completed()) {
            html.append("<span class=\"badge\">").append(esc(page.t("learning.completedShort", LearningPages.DATE.format(state.completedOn()))))
                    .append("</span>");
        } else {
            String target = state.resumeLessonId() != null ? "lesson/" + state.resumeLessonId() : "module/" + m.id();
            html.append("<a class=\"link-button\" id=\"continue-").append(m.id()).append("\" href=\"").append(target).append("\">")
                    .append(esc(page.t(state.doneLessons().isEmpty() ? "learning.start" : "learning.resume"))).append("</a>")
                    .append("<span class=\"muted\">").append(esc(page.t("learning.progress", state.requiredDone(), state.requiredTotal())))
                    .append("</span>");
        }
        return html.append("</div></li>").toString();
    }

    private static void pager(PlainPage page, String search, @Nullable Long programme, @Nullable TraineeLevel level, int current, int pages) {
        if (pages <= 1) {
            return;
        }
        StringBuilder html = new StringBuilder("<nav class=\"pager\" aria-label=\"" + esc(page.t("catalog.pages")) + "\"><span>");
        if (current > 1) {
            html.append("<a id=\"catalog-previous\" rel=\"prev\" href=\"").append(esc(link(search, programme, level, current - 1))).append("\">")
                    .append(esc(page.t("catalog.previousPage"))).append("</a>");
        }
        html.append("</span><span>").append(esc(page.t("catalog.pageOf", current, pages))).append("</span><span>");
        if (current < pages) {
            html.append("<a id=\"catalog-next\" rel=\"next\" href=\"").append(esc(link(search, programme, level, current + 1))).append("\">")
                    .append(esc(page.t("catalog.nextPage"))).append("</a>");
        }
        page.raw(html.append("</span></nav>").toString());
    }

    private static String link(String search, @Nullable Long programme, @Nullable TraineeLevel level, int pageNumber) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("catalog");
        if (!search.isBlank()) {
            link.queryParam("q", search);
        }
        if (programme != null) {
            link.queryParam("programme", programme);
        }
        if (level != null) {
            link.queryParam("level", level.name());
        }
        return link.queryParam("page", pageNumber).encode().build().toUriString();
    }

    private static int parse(String number) {
        try {
            return Integer.parseInt(number.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
