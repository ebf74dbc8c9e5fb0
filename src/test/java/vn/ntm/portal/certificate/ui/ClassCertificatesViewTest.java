package vn.ntm.portal.certificate.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.ntm.portal.TestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.certificate.Candidate;
import vn.ntm.portal.certificate.CertificateTemplates;
import vn.ntm.portal.certificate.CertificateWorld;
import vn.ntm.portal.certificate.IssuedCertificate;
import vn.ntm.portal.certificate.PaperCertificate;
import vn.ntm.portal.person.PersonDirectory;
import vn.ntm.portal.training.PaperCertificates;
import vn.ntm.portal.training.AttendanceService;
import vn.ntm.portal.training.ClassService;
import vn.ntm.portal.training.RosterService;
import vn.ntm.portal.training.SessionService;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The certificates page of a class and "Chứng nhận của tôi", as their users click through them. */
@SpringBootTest
class ClassCertificatesViewTest extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UnitImportService unitImport;
    @Autowired
    UnitDirectory units;
    @Autowired
    AccountService accounts;
    @Autowired
    ClassService classes;
    @Autowired
    SessionService sessions;
    @Autowired
    RosterService roster;
    @Autowired
    AttendanceService attendance;
    @Autowired
    CertificateTemplates templates;
    @Autowired
    vn.ntm.portal.certificate.CertificateService certificates;
    @Autowired
    PaperCertificates paperCertificates;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    PersonDirectory persons;

    CertificateWorld world;

    @BeforeEach
    void world() {
        world = new CertificateWorld(jdbc, unitImport, units, accounts, classes, sessions, roster, attendance);
        TestData.signInAsAccount(jdbc, "dp.sonla");
        templates.save(world.classId, CertificateWorld.template("VPĐP"), null);
    }

    @Test
    @WithUserDetails(value = "gv.sonla", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    @SuppressWarnings("unchecked")
    void trainerFindsThoseWhoCompletedPreselectedAndIssuesInOneClick() {
        navigate(ClassCertificatesView.class, world.classId);
        Grid<Candidate> candidates = $(Grid.class).withId("certificate-candidates").single();
        assertThat(candidates.getSelectedItems()).extracting(Candidate::fullName).containsExactlyInAnyOrder("Nguyễn Văn An", "Lò Thị Bình");

        test($(Button.class).withId("certificate-issue").single()).click();

        Grid<IssuedCertificate> issued = $(Grid.class).withId("certificates-issued").single();
        assertThat(test(issued).size()).isEqualTo(2);
        assertThat(test(issued).getRow(0).number()).isEqualTo("1/GCN-VPĐP");
        assertThat(candidates.getSelectedItems()).as("nobody left to preselect").isEmpty();
        assertThat($(Grid.class).withId("certificates-paper").exists()).as("no paper certificates, no such section").isFalse();
    }

    @Test
    @WithUserDetails(value = "dp.sonla", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    @SuppressWarnings("unchecked")
    void coordinatorSeesTheClassPaperCertificatesAndRevokesOneEnteredByMistakeWithAReason() {
        // what the history import hands over for the class: two certificates issued on paper
        String sonLa = jdbc.queryForObject("select path from administrative_unit where code = '14'", String.class);
        transactions.executeWithoutResult(t -> paperCertificates.record(List.of(
                paper("7/GCN-VPĐP", world.an(), "Nguyễn Văn An", sonLa), paper("8/GCN-VPĐP", world.binh(), "Lò Thị Bình", sonLa))));

        navigate(ClassCertificatesView.class, world.classId);
        Grid<PaperCertificate> paper = $(Grid.class).withId("certificates-paper").single();
        assertThat(paper.getParent().orElseThrow().isVisible()).isTrue();
        assertThat(test(paper).size()).isEqualTo(2);
        assertThat(test(paper).getCellText(1, 0)).isEqualTo("8/GCN-VPĐP");
        assertThat(test(paper).getCellText(1, 2)).isEqualTo("05/03/2026");
        assertThat(test(paper).getCellText(1, 3)).isEqualTo("Còn hiệu lực");

        test((Button) test(paper).getCellComponent(1, 4)).click();
        TextArea reason = $(TextArea.class).withId("certificate-reason").single();
        reason.setValue("Nhập nhầm số của người khác");
        test($(Button.class).withId("certificate-reason-confirm").single()).click();

        assertThat(test(paper).getCellText(1, 3)).isEqualTo("Đã thu hồi");
        assertThat(test(paper).getCellText(0, 3)).isEqualTo("Còn hiệu lực");
        assertThat(certificates.paperOfClass(world.classId)).filteredOn(PaperCertificate::revoked).extracting(PaperCertificate::number)
                .containsExactly("8/GCN-VPĐP");
    }

    private PaperCertificates.Paper paper(String number, long personId, String name, String unitPath) {
        return new PaperCertificates.Paper(number, LocalDate.of(2026, 3, 5), world.classId, personId, unitPath, name, 1980, "SL-GCN-01",
                "Lớp tập huấn SL-GCN-01", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3));
    }

    @Test
    @WithUserDetails(value = "dp.sonla", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    @SuppressWarnings("unchecked")
    void coordinatorSeesAHolderWhoNoLongerMeetsTheRuleAndKeepsTheCertificate() {
        certificates.issue(world.classId, java.util.List.of(world.an(), world.binh()), null);
        // Bình's late third session was a mistake: corrected to absent, Bình has 2 of 4 sessions, short of 75 %
        long session = jdbc.queryForObject("select id from class_session where class_id = ? order by id limit 1 offset 2", Long.class,
                world.classId);
        attendance.mark(session, world.binh(), vn.ntm.portal.training.AttendanceStatus.ABSENT, null, jdbc.queryForObject(
                "select version from attendance where session_id = ? and person_id = ?", Long.class, session, world.binh()));

        navigate(ClassCertificatesView.class, world.classId);
        Grid<vn.ntm.portal.certificate.FollowUp> followUp = $(Grid.class).withId("certificate-follow-up").single();
        assertThat(followUp.isVisible() && followUp.getParent().orElseThrow().isVisible()).isTrue();
        assertThat(test(followUp).size()).isEqualTo(1);
        assertThat(test(followUp).getRow(0).certificate().traineeName()).isEqualTo("Lò Thị Bình");

        // the actions column: revoke, keep
        var actions = (com.vaadin.flow.component.orderedlayout.FlexLayout) test(followUp).getCellComponent(0, 3);
        Button keep = (Button) actions.getComponentAt(1);
        assertThat(keep.getText()).isEqualTo("Giữ lại");
        test(keep).click();

        assertThat(followUp.getParent().orElseThrow().isVisible()).as("nobody left to decide on").isFalse();
        assertThat(test((Grid<IssuedCertificate>) $(Grid.class).withId("certificates-issued").single()).getRow(1).revoked()).isFalse();
    }

    @Test
    @WithUserDetails(value = "hv.sonla", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    @SuppressWarnings("unchecked")
    void traineeSeesTheirPaperCertificateOfAPastYearBesideTheOnesIssuedHere() {
        var trainee = SecurityContextHolder.getContext().getAuthentication();
        long self = world.traineeOnTheClass(jdbc, persons);
        TestData.signInAsAccount(jdbc, "gv.sonla");
        IssuedCertificate here = certificates.issue(world.classId, List.of(self), null).getFirst();
        // the history import brought their certificate of a 2019 class, issued on paper
        String sonLa = jdbc.queryForObject("select path from administrative_unit where code = '14'", String.class);
        transactions.executeWithoutResult(t -> paperCertificates.record(List.of(new PaperCertificates.Paper("7/GCN-VPĐP",
                LocalDate.of(2019, 3, 20), world.classId, self, sonLa, "Người hv.sonla", 1980, "SL-2019-07", "Tập huấn Bộ tiêu chí NTM",
                LocalDate.of(2019, 3, 15), LocalDate.of(2019, 3, 16)))));
        SecurityContextHolder.getContext().setAuthentication(trainee);

        navigate(MyCertificatesView.class);
        Grid<?> mine = $(Grid.class).withId("my-certificates").single();
        assertThat(test(mine).size()).isEqualTo(2);
        Component thisYear = test(mine).getCellComponent(0, 0);
        assertThat(thisYear.getElement().getTextRecursively()).as("this year's, issued here, first").contains(here.number());
        assertThat(anchorIn(thisYear).getClassNames()).as("downloads its PDF").contains("export-link");

        Component past = test(mine).getCellComponent(1, 0);
        assertThat(past.getElement().getTextRecursively()).contains("Tập huấn Bộ tiêu chí NTM", "7/GCN-VPĐP", "SL-2019-07", "Cấp bằng giấy");
        assertThat(test(mine).getCellText(1, 1)).isEqualTo("20/03/2019");
        assertThat(test(mine).getCellText(1, 2)).isEqualTo("Còn hiệu lực");
        Anchor verify = anchorIn(past);
        assertThat(verify.getHref()).as("no PDF: its public verification page").isEqualTo("/verify?q=7%2FGCN-VP%C4%90P");
        assertThat(verify.getClassNames()).contains("verify-link").doesNotContain("export-link");
        assertThat(verify.getElement().hasAttribute("download")).isFalse();
        assertThat($(Paragraph.class).withId("my-certificates-paper-note").exists()).isTrue();
    }

    /** The one link inside a cell (a download or a verification page). */
    private static Anchor anchorIn(Component cell) {
        return cell.getChildren().flatMap(c -> c instanceof Anchor a ? java.util.stream.Stream.of(a) : c.getChildren()
                .filter(Anchor.class::isInstance).map(Anchor.class::cast)).findFirst().orElseThrow();
    }

    @Test
    @WithUserDetails(value = "hv.sonla", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void traineeWithoutCertificatesIsToldSo() {
        navigate(MyCertificatesView.class);
        assertThat($(Paragraph.class).withId("my-certificates-none").single().getText()).isEqualTo("Bạn chưa có giấy chứng nhận nào.");
    }
}
