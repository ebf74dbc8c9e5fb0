package vn.ntm.portal.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.NewAccount;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.security.PortalUser;
import vn.ntm.portal.security.Role;
import vn.ntm.portal.unit.ImportProgress;
import vn.ntm.portal.unit.ImportReport;
import vn.ntm.portal.unit.OrganisationKind;
import vn.ntm.portal.unit.OrganisationService;
import vn.ntm.portal.unit.OrganisationSummary;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import vn.ntm.portal.person.Gender;
import vn.ntm.portal.person.PersonDetails;
import vn.ntm.portal.training.AttendanceService;
import vn.ntm.portal.training.AttendanceStatus;
import vn.ntm.portal.training.ClassForm;
import vn.ntm.portal.training.ClassService;
import vn.ntm.portal.training.ClassStatus;
import vn.ntm.portal.training.ClassSummary;
import vn.ntm.portal.training.DeliveryMode;
import vn.ntm.portal.training.OrganisingLevel;
import vn.ntm.portal.training.RosterService;
import vn.ntm.portal.training.SessionPart;
import vn.ntm.portal.training.SessionService;
import vn.ntm.portal.training.SessionSummary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

/**
 * Demo data for the quick start, loaded once into an empty database: the 34 provinces, a few communes of
 * Hà Nội, Sơn La and Hà Tĩnh (and two historical units merged in 2025), their coordination offices and
 * one account per role. Goes through the same services as the screens do.
 */
@Component
@Profile("demo")
@Order(-10)
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "Demo@2026";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final UnitImportService unitImport;
    private final UnitDirectory units;
    private final OrganisationService organisations;
    private final AccountService accounts;
    private final ClassService classes;
    private final SessionService sessions;
    private final RosterService roster;
    private final AttendanceService attendance;

    DemoData(UnitImportService unitImport, UnitDirectory units, OrganisationService organisations, AccountService accounts,
             ClassService classes, SessionService sessions, RosterService roster, AttendanceService attendance) {
        this.unitImport = unitImport;
        this.units = units;
        this.organisations = organisations;
        this.accounts = accounts;
        this.classes = classes;
        this.sessions = sessions;
        this.roster = roster;
        this.attendance = attendance;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (units.findByCode("01").isPresent()) {
            return;
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        PortalUser loader = new PortalUser(0, "demo-loader", "Demo", Role.ADMIN, null, null, true, null);
        system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(loader, null, loader.getAuthorities()));
        SecurityContextHolder.setContext(system);
        try {
            load();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private void load() {
        ImportReport report = unitImport.importFile("demo/units.csv", read("demo/units.csv"), ImportProgress.NONE);
        if (!report.accepted()) {
            throw new IllegalStateException("Demo units refused: " + report.problems());
        }
        long sonLa = unitId("14");
        long haTinh = unitId("42");
        long haNoi = unitId("01");
        OrganisationSummary sonLaOffice = organisations.create("Văn phòng Điều phối nông thôn mới tỉnh Sơn La",
                OrganisationKind.COORDINATION_OFFICE, sonLa);
        OrganisationSummary haTinhOffice = organisations.create("Văn phòng Điều phối nông thôn mới tỉnh Hà Tĩnh",
                OrganisationKind.COORDINATION_OFFICE, haTinh);
        organisations.create("Văn phòng Điều phối nông thôn mới thành phố Hà Nội", OrganisationKind.COORDINATION_OFFICE, haNoi);
        organisations.create("Văn phòng Điều phối nông thôn mới Trung ương", OrganisationKind.COORDINATION_OFFICE, haNoi);

        account("admin", "Nguyễn Văn Quản", Role.ADMIN, null, null, null);
        account("dieuphoi.sonla", "Lò Thị Mai", Role.COORDINATOR, sonLa, sonLaOffice.id(), null);
        account("dieuphoi.hatinh", "Trần Văn Hà", Role.COORDINATOR, haTinh, haTinhOffice.id(), null);
        account("dieuphoi.camxuyen", "Phạm Thị Xuân", Role.COORDINATOR, unitId("18673"), null, null);
        account("giangvien", "Hoàng Minh Tuấn", Role.TRAINER, sonLa, sonLaOffice.id(), null);
        account("hocvien", "Cầm Văn Thượng", Role.TRAINEE, unitId("03688"), null, TraineeLevel.COMMUNE_OFFICIAL);
        demoClass(sonLa, sonLaOffice.id());
        pastClasses(sonLaOffice.id(), haTinhOffice.id());
        log.info("Demo data loaded: {} units, 4 organisations, 6 accounts (password {}), one class", report.created(), PASSWORD);
    }

    /** A two-day class in Sơn La with four sessions, a roster of twelve and the first session's attendance taken. */
    private void demoClass(long sonLa, long office) {
        LocalDate start = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        long trainer = accounts.list("giangvien", 0, 1).getFirst().id();
        ClassSummary c = classes.create(new ClassForm("SL-2026-CĐS-01", "Tập huấn chuyển đổi số trong xây dựng nông thôn mới cho cán bộ xã",
                "Chuyển đổi số trong xây dựng NTM (924/QĐ-TTg)", "Chính quyền số; Kinh tế số; Xã hội số", sonLa, office,
                OrganisingLevel.PROVINCE, "Cán bộ xã, trưởng thôn bản", DeliveryMode.BLENDED, "Hội trường VPĐP tỉnh Sơn La",
                null, start, start.plusDays(1), 40, 45_000_000L, ClassStatus.RUNNING, 80, List.of(trainer)));
        List<SessionSummary> sessions = this.sessions.createBulk(c.id(), start, start.plusDays(1),
                EnumSet.of(SessionPart.MORNING, SessionPart.AFTERNOON));
        String[] names = {"Lò Văn Bình", "Quàng Thị Lan", "Cầm Văn Cường", "Hà Thị Dung", "Lường Văn Sáng", "Tòng Thị Hoa",
                "Vì Văn Minh", "Điêu Thị Nga", "Lò Thị Oanh", "Cầm Văn Phúc", "Hoàng Văn Quý", "Mùa A Sử"};
        List<Long> persons = new java.util.ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            persons.add(roster.add(c.id(), new PersonDetails(names[i], i % 2 == 0 ? Gender.MALE : Gender.FEMALE, 1970 + i * 2,
                    String.format("0912%06d", 345000 + i), null, unitId(i % 2 == 0 ? "03688" : "03721"), "Cán bộ xã", TraineeLevel.COMMUNE_OFFICIAL, null)));
        }
        for (int i = 0; i < persons.size() - 2; i++) {
            attendance.mark(sessions.getFirst().id(), persons.get(i), i == 3 ? AttendanceStatus.LATE : AttendanceStatus.PRESENT, null, null);
        }
    }

    /**
     * Past classes for the dashboard: 2021-2025 in Sơn La and Hà Tĩnh, at province and commune level, in person and
     * online, with rosters drawn from one pool of people (so that some take part more than once) and attendance that is
     * mostly, not always, complete. One is recorded under a township dissolved in 2025 (it counts under Cẩm Xuyên).
     */
    private void pastClasses(long sonLaOffice, long haTinhOffice) {
        java.util.Random random = new java.util.Random(2025);
        String[] family = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Lò", "Cầm", "Quàng"};
        String[] given = {"Văn An", "Thị Bích", "Văn Cường", "Thị Dung", "Minh Đức", "Thị Hà", "Văn Hùng", "Thị Lan", "Văn Long",
                "Thị Mai", "Văn Nam", "Thị Oanh", "Văn Phúc", "Thị Quyên", "Văn Sơn", "Thị Thu"};
        TraineeLevel[] levels = {TraineeLevel.COMMUNE_OFFICIAL, TraineeLevel.COMMUNE_OFFICIAL, TraineeLevel.VILLAGE_OFFICIAL,
                TraineeLevel.DISTRICT_OFFICIAL, TraineeLevel.RESIDENT, TraineeLevel.RESIDENT, TraineeLevel.PROVINCE_OFFICIAL};
        record Place(String code, long office, OrganisingLevel level, String province) {
        }
        List<Place> places = List.of(new Place("14", sonLaOffice, OrganisingLevel.PROVINCE, "SL"),
                new Place("03688", sonLaOffice, OrganisingLevel.COMMUNE, "SL"), new Place("03721", sonLaOffice, OrganisingLevel.COMMUNE, "SL"),
                new Place("04105", sonLaOffice, OrganisingLevel.COMMUNE, "SL"), new Place("42", haTinhOffice, OrganisingLevel.PROVINCE, "HT"),
                new Place("18673", haTinhOffice, OrganisingLevel.COMMUNE, "HT"), new Place("18775", haTinhOffice, OrganisingLevel.COMMUNE, "HT"),
                new Place("18133", haTinhOffice, OrganisingLevel.COMMUNE, "HT"), new Place("H18676", haTinhOffice, OrganisingLevel.DISTRICT, "HT"));
        String[][] topics = {{"Chương trình MTQG xây dựng NTM 2021-2025", "Bộ tiêu chí quốc gia về xã nông thôn mới"},
                {"Chương trình OCOP", "Chương trình Mỗi xã một sản phẩm (OCOP)"},
                {"Chuyển đổi số trong xây dựng NTM (924/QĐ-TTg)", "Chính quyền số; Kinh tế số; Xã hội số"},
                {"Du lịch nông thôn (703/QĐ-BNN-VPĐP)", "Phát triển du lịch cộng đồng"}};
        java.util.Map<String, List<PersonDetails>> pools = new java.util.HashMap<>();
        int serial = 0;
        for (String province : List.of("SL", "HT")) {
            List<PersonDetails> pool = new java.util.ArrayList<>();
            for (int i = 0; i < 60; i++) {
                serial++;
                String name = family[random.nextInt(family.length)] + " " + given[random.nextInt(given.length)];
                pool.add(new PersonDetails(name, name.contains("Thị") ? Gender.FEMALE : Gender.MALE, 1965 + random.nextInt(35),
                        String.format("0915%06d", serial), null, null, null, levels[random.nextInt(levels.length)], null));
            }
            pools.put(province, pool);
        }
        int n = 0;
        for (int year = 2021; year <= 2025; year++) {
            for (Place place : places) {
                if (random.nextInt(3) == 0 && !place.code().startsWith("H")) {
                    continue;
                }
                if (place.code().startsWith("H") && year != 2022) {
                    continue;
                }
                n++;
                String[] topic = topics[random.nextInt(topics.length)];
                LocalDate start = LocalDate.of(year, 3 + random.nextInt(8), 1 + random.nextInt(25));
                DeliveryMode mode = random.nextInt(4) == 0 ? DeliveryMode.ONLINE : DeliveryMode.IN_PERSON;
                ClassSummary c = classes.create(new ClassForm(place.province() + "-" + year + "-" + String.format("%02d", n),
                        "Tập huấn " + topic[1].toLowerCase(java.util.Locale.ROOT), topic[0], topic[1], unitId(place.code()), place.office(),
                        place.level(), "Cán bộ xã, trưởng thôn bản, người dân", mode, mode == DeliveryMode.ONLINE ? null : "Hội trường UBND",
                        mode == DeliveryMode.ONLINE ? "https://hop.example.vn/" + n : null, start, start.plusDays(1), 60,
                        (long) (10 + random.nextInt(50)) * 1_000_000L, ClassStatus.FINISHED, 80, List.of()));
                List<SessionSummary> four = sessions.createBulk(c.id(), start, start.plusDays(1), EnumSet.of(SessionPart.MORNING, SessionPart.AFTERNOON));
                List<PersonDetails> pool = pools.get(place.province());
                int size = 8 + random.nextInt(12);
                int offset = random.nextInt(pool.size());
                for (int i = 0; i < size; i++) {
                    long person = roster.add(c.id(), pool.get((offset + i) % pool.size()));
                    int attended = random.nextInt(10) == 0 ? 0 : random.nextInt(5) == 0 ? 2 : 4;
                    for (int s = 0; s < attended; s++) {
                        attendance.mark(four.get(s).id(), person, AttendanceStatus.PRESENT, null, null);
                    }
                }
            }
        }
        log.info("Demo data: {} past classes in Sơn La and Hà Tĩnh for the reports", n);
    }

    private void account(String username, String name, Role role, Long unitId, Long organisationId, TraineeLevel level) {
        accounts.create(new NewAccount(username, name, null, null, role, unitId, organisationId, level, PASSWORD));
    }

    private long unitId(String code) {
        return units.findByCode(code).orElseThrow().id();
    }

    private static byte[] read(String path) {
        try (var in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
