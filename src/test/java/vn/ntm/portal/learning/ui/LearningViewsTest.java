package vn.ntm.portal.learning.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.ntm.portal.TestData;
import vn.ntm.portal.ViewTestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.curriculum.CurriculumService;
import vn.ntm.portal.curriculum.CurriculumTestData;
import vn.ntm.portal.curriculum.LessonDraft;
import vn.ntm.portal.curriculum.LessonSummary;
import vn.ntm.portal.curriculum.ModuleDraft;
import vn.ntm.portal.curriculum.ModuleSummary;
import vn.ntm.portal.curriculum.QuizChoice;
import vn.ntm.portal.learning.LearningService;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The views of online learning that remain in the UI; the catalog, module and lesson pages are plain HTML (TraineePlainPagesTest). */
@SpringBootTest
class LearningViewsTest extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UnitImportService unitImport;
    @Autowired
    UnitDirectory units;
    @Autowired
    AccountService accounts;
    @Autowired
    CurriculumService curriculum;
    @Autowired
    LearningService learning;

    ModuleSummary module;
    ModuleSummary draft;
    List<LessonSummary> lessons;

    @BeforeEach
    void world() {
        ViewTestData.load(jdbc, unitImport, units, accounts);
        TestData.signInAsAdmin();
        var digital = CurriculumTestData.programme(curriculum, "CDS-924", "Chuyển đổi số");
        module = CurriculumTestData.publishedModule(curriculum, digital, "Dịch vụ công trực tuyến");
        curriculum.saveLesson(module.id(), curriculum.lessons(module.id()).getFirst().id(),
                LessonDraft.text("Bài 1", true, "<h2>Bài 1</h2><p><b>Nội dung</b><script>alert(1)</script> <img src=x onerror=alert(2)></p>"));
        lessons = curriculum.lessons(module.id());
        draft = curriculum.createModule(new ModuleDraft(digital.topic().id(), "Bản nháp", null, Set.of(TraineeLevel.RESIDENT)));
        SecurityContextHolder.clearContext();
    }

    @Test
    @WithUserDetails(value = "hv.sonla", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void traineeWhoCompletedAnOlderEditionOpensTheContentOfThatEdition() {
        learning.enrol(module.id());
        int completed = jdbc.queryForObject("select content_version from curriculum_module where id = ?", Integer.class, module.id());
        jdbc.update("update learning_enrolment set completed_on = current_date, completed_version = ?", completed);
        var trainee = SecurityContextHolder.getContext().getAuthentication();
        TestData.signInAsAdmin();
        curriculum.saveLesson(module.id(), lessons.get(0).id(), LessonDraft.text("Bài 1", true, "<p>Nội dung đã sửa</p>"));
        SecurityContextHolder.getContext().setAuthentication(trainee);

        // the module page (plain HTML, see TraineePlainPagesTest) links to the edition the trainee completed
        assertThat(learning.module(module.id()).enrolment().completedVersion()).isEqualTo(completed);
        navigate("module-edition/" + module.id() + "/" + completed, ModuleEditionView.class);

        assertThat($view(Span.class).withId("edition-version").single().getText()).startsWith("Phiên bản " + completed + " (cũ)");
        assertThat($view(Div.class).withClassName("lesson-html").first().getElement().getProperty("innerHTML"))
                .contains("<b>Nội dung</b>").doesNotContain("đã sửa");
    }

    private static QuizChoice choice(List<QuizChoice> items, String text) {
        return items.stream().filter(c -> c.text().equals(text)).findFirst().orElseThrow();
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
