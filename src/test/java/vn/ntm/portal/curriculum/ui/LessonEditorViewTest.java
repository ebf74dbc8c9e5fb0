package vn.ntm.portal.curriculum.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
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
import vn.ntm.portal.curriculum.CurriculumService;
import vn.ntm.portal.curriculum.CurriculumTestData;
import vn.ntm.portal.curriculum.LessonSummary;
import vn.ntm.portal.curriculum.ModuleSummary;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The authoring screens: a quiz is checked before saving, questions are reordered and removed, lessons too. */
@SpringBootTest
class LessonEditorViewTest extends SpringBrowserlessTest {

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
    vn.ntm.portal.curriculum.ProgrammeAuthorService authors;

    ModuleSummary module;
    List<LessonSummary> lessons;

    @BeforeEach
    void world() {
        ViewTestData.load(jdbc, unitImport, units, accounts);
        TestData.signInAsAdmin();
        var digital = CurriculumTestData.programme(curriculum, "CDS-924", "Chuyển đổi số");
        // the trainer writes this programme's lessons because they are named its author, not by their role
        authors.grant(digital.programme().id(), "gv.sonla");
        module = CurriculumTestData.publishedModule(curriculum, digital, "Dịch vụ công trực tuyến");
        lessons = curriculum.lessons(module.id());
        SecurityContextHolder.clearContext();
    }

    @Test
    @WithUserDetails(value = "gv.sonla", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void aQuizWithAQuestionWithoutACorrectAnswerIsRefusedWithAClearMessageAndNothingChanges() {
        navigate("lesson-editor/" + module.id() + "/" + lessons.get(2).id(), LessonEditorView.class);
        test($view(Button.class).withId("add-question").single()).click();
        List<TextArea> texts = $view(TextArea.class).withClassName("question-text").all();
        assertThat(texts).hasSize(3);
        texts.get(2).setValue("Câu hỏi chưa có đáp án đúng?");
        List<TextField> options = $view(TextField.class).withCondition(f -> f.getPlaceholder() != null).all();
        options.get(12).setValue("Có");
        options.get(13).setValue("Không");

        test($view(Button.class).withId("save-lesson").single()).click();

        assertThat($view(Paragraph.class).withId("lesson-error").single().getText())
                .isEqualTo("Câu 3: chưa đánh dấu đáp án đúng.");
        assertThat(jdbc.queryForObject("select count(*) from curriculum_question where lesson_id = ?", Long.class,
                lessons.get(2).id())).isEqualTo(2);
        assertThat(jdbc.queryForObject("select content_version from curriculum_module where id = ?", Integer.class,
                module.id())).isEqualTo(1);
    }

    @Test
    @WithUserDetails(value = "gv.sonla", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void authorMovesTheSecondQuestionFirstAndRemovesTheOtherThenSaves() {
        navigate("lesson-editor/" + module.id() + "/" + lessons.get(2).id(), LessonEditorView.class);

        test($view(Button.class).withClassName("question-up").all().get(1)).click();
        test($view(Button.class).withClassName("question-remove").all().get(1)).click();
        test($view(Button.class).withId("save-lesson").single()).click();

        assertThat(jdbc.queryForList("select text from curriculum_question where lesson_id = ? order by position", String.class,
                lessons.get(2).id())).containsExactly("Câu 2");
        assertThat(jdbc.queryForObject("select content_version from curriculum_module where id = ?", Integer.class,
                module.id())).isEqualTo(2);
    }

    @Test
    @WithUserDetails(value = "gv.sonla", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void authorReordersAndRemovesLessonsInTheModuleEditor() {
        navigate("lesson-editor/" + module.id() + "/" + lessons.get(0).id(), LessonEditorView.class);
        test($view(Button.class).withId("lesson-editor-back").single()).click();
        assertThat(getCurrentView()).isInstanceOf(CurriculumEditorView.class);

        test(lessonButton(2, "lesson-up")).click();
        assertThat(curriculum.lessons(module.id())).extracting(LessonSummary::title).containsExactly("Bài 1", "Kiểm tra", "Bài đọc thêm");
        test(lessonButton(2, "lesson-remove")).click();
        test($(Button.class).withId("confirm-remove-lesson").single()).click();

        assertThat(curriculum.lessons(module.id())).extracting(LessonSummary::title).containsExactly("Bài 1", "Kiểm tra");
        assertThat(curriculum.lessons(module.id())).extracting(LessonSummary::position).containsExactly(1, 2);
        assertThat(curriculum.moduleForEditing(module.id()).version()).isEqualTo(3);
    }

    @Test
    @WithUserDetails(value = "gv.sonla", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void lessonEditorAsksBeforeDiscardingTypedText() {
        navigate("lesson-editor/" + module.id() + "/" + lessons.get(0).id(), LessonEditorView.class);
        test($view(TextField.class).withId("lesson-title-field").single()).setValue("Bài 1 (viết lại)");

        test($view(Button.class).withId("lesson-editor-back").single()).click();

        // the author is still in the editor, with their text, and is asked
        assertThat(getCurrentView()).isInstanceOf(LessonEditorView.class);
        assertThat($view(TextField.class).withId("lesson-title-field").single().getValue()).isEqualTo("Bài 1 (viết lại)");
        ConfirmDialog ask = $(ConfirmDialog.class).withId("confirm-leave-editor").single();
        test(ask).cancel();
        assertThat(getCurrentView()).isInstanceOf(LessonEditorView.class);

        // the menu asks the same; leaving is the author's choice and then nothing is saved
        com.vaadin.flow.component.UI.getCurrent().navigate(CurriculumEditorView.class);
        assertThat(getCurrentView()).isInstanceOf(LessonEditorView.class);
        test($(ConfirmDialog.class).withId("confirm-leave-editor").last()).confirm();
        assertThat(getCurrentView()).isInstanceOf(CurriculumEditorView.class);
        assertThat(curriculum.lessons(module.id())).extracting(LessonSummary::title).contains("Bài 1");
    }

    @Test
    @WithUserDetails(value = "gv.sonla", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void savedLessonLeavesTheEditorWithoutAsking() {
        navigate("lesson-editor/" + module.id() + "/" + lessons.get(0).id(), LessonEditorView.class);
        test($view(TextField.class).withId("lesson-title-field").single()).setValue("Bài 1 (đã sửa)");

        test($view(Button.class).withId("save-lesson").single()).click();

        assertThat(getCurrentView()).isInstanceOf(CurriculumEditorView.class);
        assertThat($(ConfirmDialog.class).withId("confirm-leave-editor").all()).isEmpty();
        assertThat(curriculum.lessons(module.id())).extracting(LessonSummary::title).contains("Bài 1 (đã sửa)");
    }

    /** A button of the actions column of the module editor's lesson grid. */
    @SuppressWarnings("unchecked")
    private Button lessonButton(int row, String className) {
        Grid<LessonSummary> grid = $view(Grid.class).withId("editor-lessons").single();
        return (Button) test(grid).getCellComponent(row, 3).getChildren()
                .filter(c -> c.getClassNames().contains(className)).findFirst().orElseThrow();
    }
}
