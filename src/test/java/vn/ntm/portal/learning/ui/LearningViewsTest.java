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
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

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
    void traineeEnrolsOnceThenSeesWhereToStart() {
        navigate("module/" + module.id(), ModuleView.class);

        test($view(Button.class).withId("enrol").single()).click();

        assertThat(count("select count(*) from learning_enrolment")).isEqualTo(1);
        assertThat($view(Button.class).withId("enrol").exists()).isFalse();
        assertThat($view(Button.class).withId("resume").single().getText()).isEqualTo("Bắt đầu học");
        assertThat($view(Span.class).withId("module-progress-text").single().getText()).isEqualTo("Đã xong 0/2 bài bắt buộc");
    }

    @Test
    @WithUserDetails(value = "hv.sonla", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    @SuppressWarnings("unchecked")
    void traineeReadsALessonPassesTheQuizAndCompletesTheModule() {
        navigate("module/" + module.id(), ModuleView.class);
        test($view(Button.class).withId("enrol").single()).click();
        navigate("lesson/" + lessons.get(0).id(), LessonView.class);
        assertThat($view(Div.class).withId("lesson-content").single().getElement().getProperty("innerHTML"))
                .contains("<h2>Bài 1</h2>", "<b>Nội dung</b>", "<img src=\"x\" />").doesNotContain("<script", "onerror", "alert(1)");

        test($view(Button.class).withId("lesson-done").single()).click();
        navigate("lesson/" + lessons.get(2).id(), LessonView.class);
        test($view(Button.class).withId("quiz-start").single()).click();
        for (RadioButtonGroup<QuizChoice> group : $view(RadioButtonGroup.class).all()) {
            group.setValue(choice(group.getListDataView().getItems().toList(), "B"));
        }
        for (CheckboxGroup<QuizChoice> group : $view(CheckboxGroup.class).all()) {
            List<QuizChoice> items = group.getListDataView().getItems().toList();
            group.setValue(Set.of(choice(items, "X"), choice(items, "Z")));
        }
        test($view(Button.class).withId("quiz-submit").single()).click();

        assertThat($view(Span.class).withId("quiz-verdict").single().getText()).isEqualTo("Đạt");
        assertThat($view(Paragraph.class).withId("quiz-score").single().getText()).isEqualTo("Điểm: 100%");
        assertThat($view(Span.class).withId("module-completed-now").exists()).isTrue();
        assertThat(count("select count(*) from learning_enrolment where completed_on is not null and completed_version = 2")).isEqualTo(1);
        // the quiz was the module's last lesson: the way on is back to the module, offered as the main action
        assertThat($view(Button.class).withId("quiz-next-lesson").exists()).isFalse();
        assertThat($view(Button.class).withId("quiz-back-to-module").single().getThemeNames()).contains("primary");
    }

    @Test
    @WithUserDetails(value = "hv.sonla", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    @SuppressWarnings("unchecked")
    void finishedQuizShowsTheAttemptsLeftAndTheNextStep() {
        navigate("module/" + module.id(), ModuleView.class);
        test($view(Button.class).withId("enrol").single()).click();
        navigate("lesson/" + lessons.get(2).id(), LessonView.class);
        assertThat($view(Paragraph.class).withId("quiz-rules").single().getText()).endsWith("Số lần làm còn lại: 2.");

        // a wrong answer: the count drops at once, and the trainee may try again or go back to the module
        test($view(Button.class).withId("quiz-start").single()).click();
        for (RadioButtonGroup<QuizChoice> group : $view(RadioButtonGroup.class).all()) {
            group.setValue(choice(group.getListDataView().getItems().toList(), "A"));
        }
        test($view(Button.class).withId("quiz-submit").single()).click();

        assertThat($view(Span.class).withId("quiz-verdict").single().getText()).isEqualTo("Chưa đạt");
        assertThat($view(Paragraph.class).withId("quiz-rules").single().getText()).endsWith("Số lần làm còn lại: 1.");
        assertThat($view(Button.class).withId("quiz-again").exists()).isTrue();
        Button back = $view(Button.class).withId("quiz-back-to-module").single();

        test(back).click();
        assertThat(getCurrentView()).isInstanceOf(ModuleView.class);
    }

    @Test
    @WithUserDetails(value = "hv.sonla", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void traineeOpeningADraftModuleByUrlIsToldItIsNotOpenYet() {
        navigate("module/" + draft.id(), ModuleView.class);

        assertThat($view(Paragraph.class).withId("module-error").single().getText())
                .isEqualTo("Học phần này đang được soạn, chưa mở cho học viên.");
        assertThat($view(Button.class).withId("enrol").exists()).isFalse();
    }

    @Test
    @WithUserDetails(value = "hv.sonla", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void traineeWhoCompletedAnOlderEditionOpensTheContentOfThatEdition() {
        navigate("module/" + module.id(), ModuleView.class);
        test($view(Button.class).withId("enrol").single()).click();
        int completed = jdbc.queryForObject("select content_version from curriculum_module where id = ?", Integer.class, module.id());
        jdbc.update("update learning_enrolment set completed_on = current_date, completed_version = ?", completed);
        var trainee = SecurityContextHolder.getContext().getAuthentication();
        TestData.signInAsAdmin();
        curriculum.saveLesson(module.id(), lessons.get(0).id(), LessonDraft.text("Bài 1", true, "<p>Nội dung đã sửa</p>"));
        SecurityContextHolder.getContext().setAuthentication(trainee);

        navigate("module/" + module.id(), ModuleView.class);
        com.vaadin.flow.component.html.Anchor link = $view(com.vaadin.flow.component.html.Anchor.class).withId("completed-edition").single();
        assertThat(link.getHref()).isEqualTo("module-edition/" + module.id() + "/" + completed);
        navigate(link.getHref(), ModuleEditionView.class);

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
