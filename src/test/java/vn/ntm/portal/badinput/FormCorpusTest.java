package vn.ntm.portal.badinput;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.TestData;
import vn.ntm.portal.ViewTestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.NewAccount;
import vn.ntm.portal.account.Registration;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.audit.AuditQuery;
import vn.ntm.portal.audit.AuditTrail;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.curriculum.CatalogService;
import vn.ntm.portal.curriculum.CurriculumService;
import vn.ntm.portal.curriculum.ProgrammeAuthorService;
import vn.ntm.portal.learning.AssignmentService;
import vn.ntm.portal.curriculum.CurriculumTestData;
import vn.ntm.portal.curriculum.LessonDraft;
import vn.ntm.portal.curriculum.LessonKind;
import vn.ntm.portal.curriculum.ModuleDraft;
import vn.ntm.portal.curriculum.ProgrammeDraft;
import vn.ntm.portal.curriculum.ProgrammeStatus;
import vn.ntm.portal.curriculum.QuestionKind;
import vn.ntm.portal.person.PersonDetails;
import vn.ntm.portal.person.PersonMergeService;
import vn.ntm.portal.plan.PlanForm;
import vn.ntm.portal.plan.PlanService;
import vn.ntm.portal.reporting.ReportFilter;
import vn.ntm.portal.reporting.ReportService;
import vn.ntm.portal.security.Role;
import vn.ntm.portal.training.AttendanceService;
import vn.ntm.portal.training.AttendanceStatus;
import vn.ntm.portal.training.CheckInClient;
import vn.ntm.portal.training.CheckInResult;
import vn.ntm.portal.training.CheckInCodes;
import vn.ntm.portal.training.CheckInService;
import vn.ntm.portal.training.ClassForm;
import vn.ntm.portal.training.ClassService;
import vn.ntm.portal.training.ClassStatus;
import vn.ntm.portal.training.ClassSummary;
import vn.ntm.portal.training.DeliveryMode;
import vn.ntm.portal.training.OrganisingLevel;
import vn.ntm.portal.training.RosterService;
import vn.ntm.portal.training.SessionPart;
import vn.ntm.portal.training.SessionService;
import vn.ntm.portal.unit.OrganisationKind;
import vn.ntm.portal.unit.OrganisationService;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;
import vn.ntm.portal.unit.UnitSummary;
import vn.ntm.portal.unit.UnitLevel;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text corpus typed into every field of every form, through the service the form calls (that is where the rules
 * live). Each case is either stored cleaned (read back: composed Unicode, no invisible or direction characters,
 * markup kept as the text it was) or refused with a message that exists in Vietnamese and English, leaving every
 * table as it was; nothing else (no database error, no server error) ever comes out.
 */
@SpringBootTest
class FormCorpusTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\p{Cc}\\p{Cs}]");
    private static final Pattern WEB_ADDRESS = Pattern.compile("https?://[^\\s<>\"]+");

    /** The strings typed into every text field. */
    static List<String> texts() {
        List<String> texts = new ArrayList<>(List.of(
                "",
                " \t  \u00A0 ",
                "Tập huấn ".repeat(1_112).substring(0, 10_000),
                "Ă".repeat(1024 * 1024),
                "Lò\u0000 Thị\u0007 Hoa\u001B",
                "' OR 1=1 --",
                "Nông thôn mới 🌾🚜 𠀀 (chữ 4 byte)",
                // what a broken encoding leaves: a lone half of a surrogate pair, the replacement character, UTF-8 read as Latin-1
                "Lò Thị \uD83D Hoa \uDC00",
                "L\uFFFD Th\uFFFD Hoa",
                "LÃ² Thá»‹ Hoa"));
        texts.addAll(BadInputs.payloads());
        return texts;
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UnitImportService unitImport;
    @Autowired
    UnitDirectory units;
    @Autowired
    AccountService accounts;
    @Autowired
    OrganisationService organisations;
    @Autowired
    ClassService classes;
    @Autowired
    SessionService sessions;
    @Autowired
    RosterService roster;
    @Autowired
    CheckInService checkIn;
    @Autowired
    CheckInCodes codes;
    @Autowired
    CurriculumService curriculum;
    @Autowired
    PlanService plans;
    @Autowired
    PersonMergeService merges;
    @Autowired
    AuditTrail audit;
    @Autowired
    ReportService reports;
    @Autowired
    AttendanceService attendance;
    @Autowired
    ProgrammeAuthorService authors;
    @Autowired
    CatalogService catalog;
    @Autowired
    AssignmentService assignments;

    UnitSummary sonLa;
    UnitSummary muongChien;
    long trainer;
    ClassSummary longClass;
    String walkInSession;
    long walkInSessionId;
    long markedSession;
    CurriculumTestData.World programme;
    long module;
    long person;
    final AtomicInteger serial = new AtomicInteger(100);
    String password = ViewTestData.PASSWORD;

    @BeforeEach
    void setUp() {
        ViewTestData.load(jdbc, unitImport, units, accounts);
        sonLa = units.findByCode("14").orElseThrow();
        muongChien = units.findByCode("03688").orElseThrow();
        trainer = jdbc.queryForObject("select id from account where username = 'gv.sonla'", Long.class);
        TestData.signInAsAdmin();
        LocalDate today = LocalDate.now(ZONE);
        longClass = classes.create(classForm("SL-FORM-00", today, today.plusYears(3)));
        long todayClass = classes.create(classForm("SL-FORM-01", today, today)).id();
        long session = sessions.create(todayClass, today, SessionPart.MORNING, LocalTime.MIN, LocalTime.of(23, 59), DeliveryMode.IN_PERSON, null).id();
        walkInSession = jdbc.queryForObject("select checkin_ref from class_session where id = ?", String.class, session);
        walkInSessionId = session;
        programme = CurriculumTestData.programme(curriculum, "CDS-FORM", "Chuyển đổi số");
        module = curriculum.createModule(new ModuleDraft(programme.topic().id(), "Học phần", null, Set.of(TraineeLevel.RESIDENT))).id();
        person = roster.add(longClass.id(), new PersonDetails("Lò Thị Hoa", null, 1980, "0912345678", null, null, null, null, null));
        markedSession = sessions.create(longClass.id(), today, SessionPart.MORNING, LocalTime.of(7, 30), LocalTime.of(11, 30),
                DeliveryMode.IN_PERSON, null).id();
        attendance.mark(markedSession, person, AttendanceStatus.EXCUSED, "Ốm", null);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /**
     * A field of a form: what typing a text into it does, answering the row it was stored in (null for a filter,
     * which stores nothing), and where that row keeps it.
     */
    record Field(String name, @Nullable String readBack, Function<String, @Nullable Long> type) {
        static Field filter(String name, java.util.function.Consumer<String> search) {
            return new Field(name, null, s -> {
                search.accept(s);
                return null;
            });
        }
    }

    private ClassForm classForm(String code, LocalDate start, LocalDate end) {
        return new ClassForm(code, "Lớp tập huấn " + code, "NTM 2021-2025", "Bộ tiêu chí", sonLa.id(), null, OrganisingLevel.PROVINCE,
                "Cán bộ xã", DeliveryMode.IN_PERSON, "Hội trường", null, start, end, 80, 1_000_000L, ClassStatus.OPEN, 80, List.of(trainer));
    }

    private ClassForm newClass(String title, String programmeName, String topics, String targetGroups, String venue) {
        LocalDate today = LocalDate.now(ZONE);
        return new ClassForm("SL-F-" + serial.incrementAndGet(), title, programmeName, topics, sonLa.id(), null, OrganisingLevel.PROVINCE,
                targetGroups, DeliveryMode.IN_PERSON, venue, null, today, today, 80, 1_000_000L, ClassStatus.OPEN, 80, List.of(trainer));
    }

    private long updateClass(Function<ClassForm, ClassForm> change) {
        ClassSummary c = classes.get(longClass.id());
        ClassForm form = new ClassForm(c.code(), c.title(), c.programme(), c.topics(), c.unitId(), c.organisationId(), c.organisingLevel(),
                c.targetGroups(), c.mode(), c.venue(), c.meetingLink(), c.startDate(), c.endDate(), c.capacity(), c.budgetVnd(), c.status(),
                c.completionShare(), c.trainerAccountIds());
        return classes.update(c.id(), c.version(), change.apply(form)).id();
    }

    private static ClassForm with(ClassForm f, String title, @Nullable String programme, @Nullable String topics,
                                  @Nullable String targetGroups, @Nullable String venue) {
        return new ClassForm(f.code(), title, programme, topics, f.unitId(), f.organisationId(), f.organisingLevel(), targetGroups, f.mode(),
                venue, f.meetingLink(), f.startDate(), f.endDate(), f.capacity(), f.budgetVnd(), f.status(), f.completionShare(),
                f.trainerAccountIds());
    }

    private String phone() {
        return "09" + String.format("%08d", serial.incrementAndGet());
    }

    private PersonDetails personWith(String name, String position, String organisation) {
        return new PersonDetails(name, null, 1985, phone(), null, null, position, TraineeLevel.RESIDENT, organisation);
    }

    private long lessonWith(String title, String markdown) {
        return curriculum.saveLesson(module, null, LessonDraft.text(title, true, markdown)).id();
    }

    private long quizWith(String question, String explanation, String option) {
        LessonDraft.QuestionDraft q = new LessonDraft.QuestionDraft(QuestionKind.SINGLE, question, explanation,
                List.of(new LessonDraft.OptionDraft(option, true), new LessonDraft.OptionDraft("Sai", false)));
        long lesson = curriculum.saveLesson(module, null, new LessonDraft(LessonKind.QUIZ, "Kiểm tra", true, null, 80, null, false, null,
                List.of(q), null)).id();
        return jdbc.queryForObject("select max(id) from curriculum_question where lesson_id = ?", Long.class, lesson);
    }

    private long lastId(String table) {
        return jdbc.queryForObject("select max(id) from " + table, Long.class);
    }

    private ReportFilter reportFilter(@Nullable String targetGroup, @Nullable String programmeName, @Nullable String topic) {
        return new ReportFilter(null, null, null, null, null, null, null, false, null, null, targetGroup, programmeName, topic, null, null);
    }

    List<Field> fields() {
        return List.of(
                new Field("account: full name", "select full_name from account where id = ?", s -> accounts.create(new NewAccount("tk" + serial.incrementAndGet(), s,
                        null, null, Role.TRAINER, sonLa.id(), null, null, ViewTestData.PASSWORD)).id()),
                new Field("account: login", "select username from account where id = ?", s -> accounts.create(new NewAccount(s, "Người dùng", null, null,
                        Role.TRAINER, sonLa.id(), null, null, ViewTestData.PASSWORD)).id()),
                new Field("account: e-mail", "select email from account where id = ?", s -> accounts.create(new NewAccount("tk" + serial.incrementAndGet(),
                        "Người dùng", s, null, Role.TRAINER, sonLa.id(), null, null, ViewTestData.PASSWORD)).id()),
                new Field("account: phone", "select phone from account where id = ?", s -> accounts.create(new NewAccount("tk" + serial.incrementAndGet(),
                        "Người dùng", null, s, Role.TRAINER, sonLa.id(), null, null, ViewTestData.PASSWORD)).id()),
                new Field("account: password", null, s -> {
                    accounts.create(new NewAccount("tk" + serial.incrementAndGet(), "Người dùng", null, null, Role.TRAINER, sonLa.id(), null,
                            null, s));
                    return null;
                }),
                new Field("registration: full name", "select full_name from account where id = ?", s -> registered(new Registration(s, phone(), null,
                        muongChien.id(), TraineeLevel.RESIDENT, ViewTestData.PASSWORD))),
                new Field("registration: phone", "select phone from account where id = ?", s -> registered(new Registration("Lò Văn Đông", s, null,
                        muongChien.id(), TraineeLevel.RESIDENT, ViewTestData.PASSWORD))),
                new Field("registration: e-mail", "select email from account where id = ?", s -> registered(new Registration("Lò Văn Đông", null, s,
                        muongChien.id(), TraineeLevel.RESIDENT, ViewTestData.PASSWORD))),
                new Field("registration: password", null, s -> {
                    registered(new Registration("Lò Văn Đông", phone(), null, muongChien.id(), TraineeLevel.RESIDENT, s));
                    return null;
                }),
                new Field("password change", null, s -> {
                    TestData.signInAsAccount(jdbc, "gv.sonla");
                    try {
                        accounts.changeOwnPassword(password, s);
                        password = s;
                    } finally {
                        TestData.signInAsAdmin();
                    }
                    return null;
                }),
                Field.filter("accounts: search", s -> accounts.list(s, 0, 50)),
                new Field("organisation: name", "select name from organisation where id = ?",
                        s -> organisations.create(s, OrganisationKind.TRAINING_INSTITUTION, sonLa.id()).id()),
                new Field("class: code", "select code from training_class where id = ?", s -> {
                    LocalDate today = LocalDate.now(ZONE);
                    ClassForm f = newClass("Lớp", null, null, null, null);
                    return classes.create(new ClassForm(s, f.title(), null, null, f.unitId(), null, f.organisingLevel(), null, f.mode(), null,
                            null, today, today, null, null, ClassStatus.OPEN, 80, List.of(trainer))).id();
                }),
                new Field("class: title", "select title from training_class where id = ?", s -> classes.create(newClass(s, null, null, null, null)).id()),
                new Field("class: programme", "select programme from training_class where id = ?", s -> classes.create(newClass("Lớp", s, null, null, null)).id()),
                new Field("class: topics", "select topics from training_class where id = ?", s -> classes.create(newClass("Lớp", null, s, null, null)).id()),
                new Field("class: target group", "select target_groups from training_class where id = ?", s -> classes.create(newClass("Lớp", null, null, s, null)).id()),
                new Field("class: venue", "select venue from training_class where id = ?", s -> classes.create(newClass("Lớp", null, null, null, s)).id()),
                new Field("class change: title", "select title from training_class where id = ?", s -> updateClass(f -> with(f, s, f.programme(), f.topics(),
                        f.targetGroups(), f.venue()))),
                new Field("class change: programme", "select programme from training_class where id = ?", s -> updateClass(f -> with(f, f.title(), s, f.topics(),
                        f.targetGroups(), f.venue()))),
                new Field("class change: topics", "select topics from training_class where id = ?", s -> updateClass(f -> with(f, f.title(), f.programme(), s,
                        f.targetGroups(), f.venue()))),
                new Field("class change: target group", "select target_groups from training_class where id = ?", s -> updateClass(f -> with(f, f.title(),
                        f.programme(), f.topics(), s, f.venue()))),
                new Field("class change: venue", "select venue from training_class where id = ?", s -> updateClass(f -> with(f, f.title(), f.programme(),
                        f.topics(), f.targetGroups(), s))),
                new Field("session: topics", "select topics from class_session where id = ?", s -> sessions.create(longClass.id(),
                        longClass.startDate().plusDays(serial.incrementAndGet()), SessionPart.AFTERNOON, LocalTime.of(13, 30), LocalTime.of(17, 0),
                        DeliveryMode.IN_PERSON, s).id()),
                new Field("roster by hand: name", "select full_name from person where id = ?", s -> roster.add(longClass.id(), personWith(s, null, null))),
                new Field("roster by hand: position", "select position from person where id = ?", s -> roster.add(longClass.id(), personWith("Lò Văn Đông", s, null))),
                new Field("roster by hand: organisation", "select organisation from person where id = ?",
                        s -> roster.add(longClass.id(), personWith("Lò Văn Đông", null, s))),
                new Field("roster by hand: phone", "select phone from person where id = ?", s -> roster.add(longClass.id(),
                        new PersonDetails("Lò Văn Đông", null, 1985, s, null, null, null, null, null))),
                new Field("roster by hand: national id", "select national_id from person where id = ?", s -> roster.add(longClass.id(),
                        new PersonDetails("Lò Văn Đông", null, 1985, null, s, null, null, null, null))),
                new Field("walk-in: name", "select full_name from walk_in where id = ?", s -> walkIn(s, phone())),
                new Field("walk-in: phone or national id", "select phone from walk_in where id = ?", s -> walkIn("Lò Văn Đông", s)),
                new Field("programme: code", "select code from curriculum_programme where id = ?", s -> curriculum.createProgramme(programmeDraft(s, "Chương trình",
                        null, null)).id()),
                new Field("programme: title", "select title from curriculum_programme where id = ?", s -> curriculum.createProgramme(programmeDraft(
                        "CT-" + serial.incrementAndGet(), s, null, null)).id()),
                new Field("programme: decision number", "select decision_number from curriculum_programme where id = ?", s -> curriculum.createProgramme(
                        programmeDraft("CT-" + serial.incrementAndGet(), "Chương trình", s, null)).id()),
                new Field("programme: description", "select description from curriculum_programme where id = ?", s -> curriculum.createProgramme(
                        programmeDraft("CT-" + serial.incrementAndGet(), "Chương trình", null, s)).id()),
                new Field("programme change: title", "select title from curriculum_programme where id = ?", s -> curriculum.updateProgramme(programme.programme().id(),
                        programmeDraft("CDS-FORM", s, null, null)).id()),
                new Field("topic group: number", "select number from curriculum_topic_group where id = ?", s -> curriculum.addGroup(programme.programme().id(), s,
                        "Nhóm").id()),
                new Field("topic group: title", "select title from curriculum_topic_group where id = ?", s -> curriculum.addGroup(programme.programme().id(),
                        "N" + serial.incrementAndGet() % 1000, s).id()),
                new Field("topic: title", "select title from curriculum_topic where id = ?", s -> curriculum.addTopic(programme.topic().groupId(),
                        serial.incrementAndGet(), s, null, false).id()),
                new Field("topic: description", "select description from curriculum_topic where id = ?", s -> curriculum.addTopic(programme.topic().groupId(),
                        serial.incrementAndGet(), "Chủ đề", s, false).id()),
                new Field("module: title", "select title from curriculum_module where id = ?", s -> curriculum.createModule(new ModuleDraft(programme.topic().id(), s,
                        null, Set.of(TraineeLevel.RESIDENT))).id()),
                new Field("module: summary", "select summary from curriculum_module where id = ?", s -> curriculum.createModule(new ModuleDraft(programme.topic().id(),
                        "Học phần", s, Set.of(TraineeLevel.RESIDENT))).id()),
                Field.filter("modules: search", s -> curriculum.modules(null, s, 0, 50)),
                new Field("lesson: title", "select title from curriculum_lesson where id = ?", s -> lessonWith(s, "Nội dung")),
                new Field("lesson: text", "select content from curriculum_lesson where id = ?", s -> lessonWith("Bài", s)),
                new Field("quiz: question", "select text from curriculum_question where id = ?", s -> quizWith(s, null, "Đúng")),
                new Field("quiz: explanation", "select explanation from curriculum_question where id = ?", s -> quizWith("Câu hỏi?", s, "Đúng")),
                new Field("quiz: option", "select text from curriculum_option where question_id = ? order by position limit 1", s -> quizWith("Câu hỏi?", null, s)),
                Field.filter("persons: search", s -> merges.search(s, 0, 50)),
                new Field("person: link an account by login", null, s -> {
                    merges.linkAccount(person, s);
                    return null;
                }),
                Field.filter("audit: text filter", s -> audit.find(new AuditQuery(null, s, null, null), 0, 50)),
                Field.filter("reports: target group", s -> reports.summary(reportFilter(s, null, null), List.of())),
                Field.filter("reports: programme", s -> reports.summary(reportFilter(null, s, null), List.of())),
                Field.filter("reports: topic", s -> reports.summary(reportFilter(null, null, s), List.of())),
                Field.filter("reports: trainer search", s -> reports.trainers(s, 0, 50)),
                new Field("class: meeting link", "select meeting_link from training_class where id = ?", s -> {
                    LocalDate today = LocalDate.now(ZONE);
                    ClassForm f = newClass("Lớp trực tuyến", null, null, null, null);
                    return classes.create(new ClassForm(f.code(), f.title(), null, null, f.unitId(), null, f.organisingLevel(), null,
                            DeliveryMode.ONLINE, null, s, today, today, null, null, ClassStatus.OPEN, 80, List.of(trainer))).id();
                }),
                new Field("attendance: note with a mark", "select note from attendance where id = ?", s -> {
                    attendance.mark(markedSession, person, AttendanceStatus.EXCUSED, s, markVersion());
                    return markId();
                }),
                new Field("attendance: note", "select note from attendance where id = ?", s -> {
                    attendance.note(markedSession, person, s, markVersion());
                    return markId();
                }),
                // a check-in answers with an outcome, not an exception: anything but success is read as the refusal it shows
                new Field("check-in: phone or national id", null, s -> checkedIn(checkIn.checkIn(walkInSession,
                        codes.current(walkInSessionId, Instant.now()), null, s, client()))),
                new Field("check-in: code", null, s -> checkedIn(checkIn.checkIn(walkInSession, s, null, "0912345678", client()))),
                new Field("check-in: session reference", null, s -> checkedIn(checkIn.checkIn(s, codes.current(walkInSessionId, Instant.now()),
                        null, "0912345678", client()))),
                new Field("walk-in: code", null, s -> {
                    checkIn.requestWalkIn(walkInSession, s, "Lò Văn Đông", phone(), client());
                    return null;
                }),
                new Field("module change: title", "select title from curriculum_module where id = ?", s -> curriculum.updateModule(module,
                        new ModuleDraft(programme.topic().id(), s, null, Set.of(TraineeLevel.RESIDENT))).id()),
                new Field("module change: summary", "select summary from curriculum_module where id = ?", s -> curriculum.updateModule(module,
                        new ModuleDraft(programme.topic().id(), "Học phần", s, Set.of(TraineeLevel.RESIDENT))).id()),
                new Field("programme authors: login", null, s -> {
                    authors.grant(programme.programme().id(), s);
                    return null;
                }),
                Field.filter("units: search", s -> units.search(null, s, 0, 50)),
                Field.filter("units: search communes", s -> units.search(UnitLevel.COMMUNE, s, 0, 50)),
                Field.filter("catalog: search", s -> catalog.search(null, null, s, 0, 50)),
                Field.filter("assign a module: search", s -> assignments.modules(s, 0, 50)));
    }

    private @Nullable Long registered(Registration form) {
        SecurityContextHolder.clearContext();
        try {
            return accounts.register(form, "10.9." + (serial.incrementAndGet() % 250) + "." + (serial.get() / 250 % 250)).map(a -> a.id())
                    .orElse(null);
        } finally {
            TestData.signInAsAdmin();
        }
    }

    private long markVersion() {
        return jdbc.queryForObject("select version from attendance where session_id = ? and person_id = ?", Long.class, markedSession, person);
    }

    private long markId() {
        return jdbc.queryForObject("select id from attendance where session_id = ? and person_id = ?", Long.class, markedSession, person);
    }

    /** A fresh device and address per try, so that the limits on guessing do not answer in place of the rules on input. */
    private CheckInClient client() {
        return CheckInClient.browser("thiet-bi-" + serial.incrementAndGet(), "10.7." + (serial.get() % 250) + "." + (serial.get() / 250 % 250));
    }

    /** No text of the corpus is anyone's phone, code or session: every answer must be a refusal, worded in both languages. */
    private static @Nullable Long checkedIn(CheckInResult result) {
        if (result.outcome().success()) {
            throw new IllegalStateException("checked in with a text of the corpus: " + result.outcome());
        }
        throw new ValidationException("checkin." + result.outcome().name());
    }

    private @Nullable Long walkIn(String name, String phoneOrId) {
        long sessionId = jdbc.queryForObject("select id from class_session where checkin_ref = ?", Long.class, walkInSession);
        checkIn.requestWalkIn(walkInSession, codes.current(sessionId, Instant.now()), name, phoneOrId,
                CheckInClient.browser("thiet-bi-" + serial.incrementAndGet(), "10.8." + (serial.get() % 250) + ".1"));
        return lastId("walk_in");
    }

    private static ProgrammeDraft programmeDraft(String code, String title, @Nullable String decision, @Nullable String description) {
        return new ProgrammeDraft(code, title, decision, LocalDate.of(2022, 8, 2), 2021, 2025, ProgrammeStatus.ACTIVE, description);
    }

    @Test
    void everyTextTypedIntoEveryFormIsStoredCleanOrRefusedClearlyAndARefusalChangesNothing() {
        List<String> failures = new ArrayList<>();
        int cases = 0;
        List<Field> fields = fields();
        for (Field field : fields) {
            for (String text : texts()) {
                cases++;
                String label = field.name() + " ← " + shown(text);
                Map<String, Long> before = TableState.of(jdbc);
                try {
                    Long row = field.type().apply(text);
                    if (row != null && field.readBack() != null) {
                        String stored = jdbc.queryForObject(field.readBack(), String.class, row);
                        check(label, field, text, stored, failures);
                    }
                } catch (ValidationException refused) {
                    if (!translated(refused.messageKey())) {
                        failures.add(label + ": message without a translation: " + refused.messageKey());
                    }
                    if (java.util.Arrays.stream(refused.arguments()).anyMatch(a -> String.valueOf(a).length() > 200)) {
                        failures.add(label + ": message repeats the whole over-long text (" + refused.messageKey() + ")");
                    }
                    List<String> changed = TableState.changed(before, TableState.of(jdbc));
                    if (!changed.isEmpty()) {
                        failures.add(label + ": refused (" + refused.messageKey() + ") but changed " + changed);
                    }
                } catch (RuntimeException unexpected) {
                    failures.add(label + ": " + unexpected.getClass().getSimpleName() + " " + shown(String.valueOf(unexpected.getMessage())));
                }
            }
        }
        System.out.printf("Form corpus: %d strings x %d fields = %d cases%n", texts().size(), fields.size(), cases);
        assertThat(failures).as("answers that were neither a clean success nor a clear refusal (" + cases + " cases)").isEmpty();
    }

    private static void check(String label, Field field, String typed, @Nullable String stored, List<String> failures) {
        if (stored == null) {
            return;
        }
        // the long texts (lesson, description, summary, question) keep their lines
        boolean multiLine = field.readBack().matches("select (content|description|summary|explanation|text) .*");
        String visible = multiLine ? stored.replaceAll("[\\n\\r\\t]", "") : stored;
        if (INVISIBLE.matcher(visible).find()) {
            failures.add(label + ": stored with invisible or control characters: " + shown(stored));
        }
        if (!Normalizer.isNormalized(stored, Normalizer.Form.NFC)) {
            failures.add(label + ": stored decomposed: " + shown(stored));
        }
        if (stored.contains("?") && !typed.contains("?")) {
            failures.add(label + ": stored with characters lost to '?': " + shown(stored));
        }
        if (field.name().endsWith("link") && !WEB_ADDRESS.matcher(stored).matches()) {
            failures.add(label + ": stored as a link though it is no web address: " + shown(stored));
        }
        if (!field.readBack().startsWith("select content") && typed.contains("<script>") && !stored.contains("<script>")) {
            failures.add(label + ": markup not kept as the text typed: " + shown(stored));
        }
    }

    /**
     * Numbers and dates out of range where they are typed: class capacity and budget, plan figures, dates. A form
     * refuses each, with a message in both languages and nothing changed; a report or audit filter may answer.
     */
    @Test
    void numbersAndDatesOutOfRangeAreRefusedClearly() {
        LocalDate today = LocalDate.now(ZONE);
        ClassForm base = classForm("SL-NUM-00", today, today);
        List<String> failures = new ArrayList<>();
        Map<String, Runnable> cases = new java.util.LinkedHashMap<>();
        cases.put("class: capacity −1", () -> classes.create(numbers(base, "SL-NUM-01", -1, 0L, today, today)));
        cases.put("class: capacity 2³¹−1", () -> classes.create(numbers(base, "SL-NUM-02", Integer.MAX_VALUE, 0L, today, today)));
        cases.put("class: budget −1", () -> classes.create(numbers(base, "SL-NUM-03", 10, -1L, today, today)));
        cases.put("class: budget 2⁶³−1", () -> classes.create(numbers(base, "SL-NUM-04", 10, Long.MAX_VALUE, today, today)));
        cases.put("class: year 1", () -> classes.create(numbers(base, "SL-NUM-05", 10, 0L, LocalDate.of(1, 1, 1), today)));
        cases.put("class: year 9999", () -> classes.create(numbers(base, "SL-NUM-06", 10, 0L, today, LocalDate.of(9999, 12, 31))));
        cases.put("class: ends before it starts", () -> classes.create(numbers(base, "SL-NUM-07", 10, 0L, today, today.minusDays(1))));
        cases.put("session: year 9999", () -> sessions.create(longClass.id(), LocalDate.of(9999, 1, 1), SessionPart.MORNING,
                LocalTime.of(7, 30), LocalTime.of(11, 30), DeliveryMode.IN_PERSON, null));
        cases.put("session: ends before it starts", () -> sessions.create(longClass.id(), today.plusDays(1), SessionPart.AFTERNOON,
                LocalTime.of(17, 0), LocalTime.of(13, 30), DeliveryMode.IN_PERSON, null));
        cases.put("session: before the class starts", () -> sessions.create(longClass.id(), today.minusDays(1), SessionPart.AFTERNOON,
                LocalTime.of(13, 30), LocalTime.of(17, 0), DeliveryMode.IN_PERSON, null));
        cases.put("sessions in bulk: to before from", () -> sessions.createBulk(longClass.id(), today.plusDays(5), today.plusDays(2),
                Set.of(SessionPart.MORNING)));
        cases.put("sessions in bulk: beyond the class", () -> sessions.createBulk(longClass.id(), today, today.plusYears(10),
                Set.of(SessionPart.MORNING)));
        cases.put("sessions in bulk: no part of the day", () -> sessions.createBulk(longClass.id(), today, today.plusDays(2), Set.of()));
        cases.put("roster: born in year 2100", () -> roster.add(longClass.id(), new PersonDetails("Lò Văn Đông", null, 2100, phone(), null,
                null, null, null, null)));
        cases.put("roster: born in year −5", () -> roster.add(longClass.id(), new PersonDetails("Lò Văn Đông", null, -5, phone(), null,
                null, null, null, null)));
        cases.put("roster: born in year 2³¹−1", () -> roster.add(longClass.id(), new PersonDetails("Lò Văn Đông", null, Integer.MAX_VALUE,
                phone(), null, null, null, null, null)));
        cases.put("plan: −1 classes", () -> plans.save(null, 0, new PlanForm(sonLa.id(), 2026, OrganisingLevel.PROVINCE, null, -1, 10, 0)));
        cases.put("plan: 2³¹−1 participations", () -> plans.save(null, 0, new PlanForm(sonLa.id(), 2026, OrganisingLevel.PROVINCE, null, 1,
                Integer.MAX_VALUE, 0)));
        cases.put("plan: budget 2⁶³−1", () -> plans.save(null, 0, new PlanForm(sonLa.id(), 2026, OrganisingLevel.PROVINCE, null, 1, 10,
                Long.MAX_VALUE)));
        cases.put("plan: year 99999", () -> plans.save(null, 0, new PlanForm(sonLa.id(), 99999, OrganisingLevel.PROVINCE, null, 1, 10, 0)));
        cases.put("plan: −1 participations", () -> plans.save(null, 0, new PlanForm(sonLa.id(), 2026, OrganisingLevel.PROVINCE, null, 1, -1, 0)));
        cases.put("plan: budget −1", () -> plans.save(null, 0, new PlanForm(sonLa.id(), 2026, OrganisingLevel.PROVINCE, null, 1, 10, -1)));
        cases.put("plan: year −2026", () -> plans.save(null, 0, new PlanForm(sonLa.id(), -2026, OrganisingLevel.PROVINCE, null, 1, 10, 0)));
        cases.put("programme: period from year 99999", () -> curriculum.createProgramme(new ProgrammeDraft("CT-NUM", "Chương trình", null,
                LocalDate.of(9999, 1, 1), 99999, -1, ProgrammeStatus.ACTIVE, null)));
        cases.put("quiz: pass mark 1000", () -> curriculum.saveLesson(module, null, new LessonDraft(LessonKind.QUIZ, "Kiểm tra", true, null,
                1000, -3, false, null, List.of(new LessonDraft.QuestionDraft(QuestionKind.TRUE_FALSE, "Đúng không?", null,
                List.of(new LessonDraft.OptionDraft("Đúng", true), new LessonDraft.OptionDraft("Sai", false)))), null)));
        cases.put("reports: year 99999", () -> reports.summary(ReportFilter.all().withYear(99999), List.of()));
        cases.put("reports: from year 1 to 9999", () -> reports.summary(new ReportFilter(null, null, null, null, LocalDate.of(1, 1, 1),
                LocalDate.of(9999, 12, 31), null, false, null, null, null, null, null, null, null), List.of()));
        cases.put("audit: from year 9999", () -> audit.find(new AuditQuery(null, null, LocalDate.of(9999, 1, 1), LocalDate.of(1, 1, 1)), 0, 50));
        for (Map.Entry<String, Runnable> c : cases.entrySet()) {
            Map<String, Long> before = TableState.of(jdbc);
            try {
                c.getValue().run();
                // a filter may answer (an empty report); a form must not store a number or date out of range
                if (!c.getKey().startsWith("reports:") && !c.getKey().startsWith("audit:")) {
                    failures.add(c.getKey() + ": accepted");
                }
            } catch (ValidationException refused) {
                if (!translated(refused.messageKey())) {
                    failures.add(c.getKey() + ": message without a translation: " + refused.messageKey());
                }
                List<String> changed = TableState.changed(before, TableState.of(jdbc));
                if (!changed.isEmpty()) {
                    failures.add(c.getKey() + ": refused but changed " + changed);
                }
            } catch (RuntimeException unexpected) {
                failures.add(c.getKey() + ": " + unexpected.getClass().getSimpleName() + " " + shown(String.valueOf(unexpected.getMessage())));
            }
        }
        assertThat(failures).as("numbers and dates that were neither accepted nor refused clearly").isEmpty();
    }

    private ClassForm numbers(ClassForm f, String code, int capacity, long budget, LocalDate start, LocalDate end) {
        return new ClassForm(code, f.title(), f.programme(), f.topics(), f.unitId(), null, f.organisingLevel(), f.targetGroups(), f.mode(),
                f.venue(), null, start, end, capacity, budget, ClassStatus.OPEN, 80, f.trainerAccountIds());
    }

    private static boolean translated(String key) {
        return ResourceBundle.getBundle("vaadin-i18n/translations", Locale.ROOT).containsKey(key)
                && ResourceBundle.getBundle("vaadin-i18n/translations", Locale.ENGLISH).containsKey(key);
    }

    /** A text short enough for a failure message, its invisible characters made visible. */
    private static String shown(String text) {
        String s = text.length() > 60 ? text.substring(0, 60) + "…(" + text.length() + ")" : text;
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> out.append(Character.getType(cp) == Character.FORMAT || Character.isISOControl(cp)
                ? String.format("\\u%04X", cp) : Character.toString(cp)));
        return out.toString();
    }
}
