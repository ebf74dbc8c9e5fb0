package vn.ntm.portal.training;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.person.PersonDetails;
import vn.ntm.portal.person.PersonDirectory;
import vn.ntm.portal.security.CurrentUser;
import vn.ntm.portal.training.domain.AttendanceStore;
import vn.ntm.portal.training.domain.ClassSession;
import vn.ntm.portal.training.domain.ClassSessionRepository;
import vn.ntm.portal.training.domain.RosterStore;
import vn.ntm.portal.training.domain.TrainingClass;
import vn.ntm.portal.training.domain.TrainingClassRepository;
import vn.ntm.portal.training.roster.RosterColumn;
import vn.ntm.portal.training.roster.RosterLine;
import vn.ntm.portal.training.roster.SheetReader;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitSummary;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports classes of past years from one sheet, one row per participant: the class columns (code, title,
 * organising unit, dates, mode, number of sessions), the person columns of the roster template, and how many
 * sessions the person attended. A province's 2016-2025 records thus enter the same counts. All or nothing.
 */
@Service
public class HistoryImportService {

    /** The class columns; the person columns are those of {@link RosterColumn}. */
    enum ClassColumn {
        CODE("Mã lớp"), TITLE("Tên lớp"), UNIT("Mã đơn vị tổ chức"), START("Từ ngày"), END("Đến ngày"), MODE("Hình thức"),
        SESSIONS("Số buổi"), ATTENDED("Số buổi có mặt");

        final String header;

        ClassColumn(String header) {
            this.header = header;
        }
    }

    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");

    private final TrainingClassRepository classes;
    private final ClassSessionRepository sessions;
    private final RosterStore roster;
    private final AttendanceStore attendance;
    private final PersonDirectory persons;
    private final RosterImportService rosterRows;
    private final UnitDirectory units;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TrainingAudit audit;

    HistoryImportService(TrainingClassRepository classes, ClassSessionRepository sessions, RosterStore roster, AttendanceStore attendance,
                         PersonDirectory persons, RosterImportService rosterRows, UnitDirectory units, CurrentUser currentUser, Clock clock,
                         ApplicationEventPublisher events, TrainingAudit audit) {
        this.audit = audit;
        this.classes = classes;
        this.sessions = sessions;
        this.roster = roster;
        this.attendance = attendance;
        this.persons = persons;
        this.rosterRows = rosterRows;
        this.units = units;
        this.currentUser = currentUser;
        this.clock = clock;
        this.events = events;
    }

    public static List<String> headers() {
        List<String> headers = new ArrayList<>();
        for (ClassColumn c : ClassColumn.values()) {
            if (c != ClassColumn.ATTENDED) {
                headers.add(c.header);
            }
        }
        headers.addAll(RosterColumn.headers());
        headers.add(ClassColumn.ATTENDED.header);
        return headers;
    }

    private record PastClass(int line, ClassForm form, int sessionCount, List<Participant> participants) {
    }

    private record Participant(int line, PersonDetails person, int attended) {
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional
    public HistoryImportReport importFile(byte[] content) {
        SheetReader.Sheet sheet = SheetReader.read(content);
        List<HistoryImportReport.LineProblem> problems = new ArrayList<>();
        Map<ClassColumn, Integer> classIndex = new EnumMap<>(ClassColumn.class);
        Map<RosterColumn, Integer> personIndex = new EnumMap<>(RosterColumn.class);
        for (int i = 0; i < sheet.header().size(); i++) {
            String h = sheet.header().get(i).replace("\uFEFF", "");
            ClassColumn classColumn = classColumn(h);
            if (classColumn != null) {
                classIndex.put(classColumn, i);
            } else if (RosterColumn.of(h) != null) {
                personIndex.put(RosterColumn.of(h), i);
            }
        }
        List<String> missing = new ArrayList<>();
        for (ClassColumn c : ClassColumn.values()) {
            if (c != ClassColumn.MODE && !classIndex.containsKey(c)) {
                missing.add(c.header);
            }
        }
        if (!personIndex.containsKey(RosterColumn.FULL_NAME)) {
            missing.add(RosterColumn.FULL_NAME.header());
        }
        if (!missing.isEmpty()) {
            return refused(List.of(new HistoryImportReport.LineProblem(1, "history.error.columns", List.of(String.join(", ", missing)))));
        }
        Map<String, PastClass> byCode = new LinkedHashMap<>();
        Map<String, UnitSummary> communes = new HashMap<>();
        Map<String, Set<String>> identifiersByClass = new HashMap<>();
        for (SheetReader.Line line : sheet.lines()) {
            String code = line.cell(classIndex.get(ClassColumn.CODE));
            PastClass pastClass = byCode.get(code);
            if (pastClass == null) {
                pastClass = pastClass(line, code, classIndex, problems);
                if (pastClass == null) {
                    continue;
                }
                byCode.put(code, pastClass);
            } else if (!line.cell(classIndex.get(ClassColumn.TITLE)).equals(pastClass.form().title())) {
                problems.add(problem(line.number(), "history.error.classDiffers", pastClass.line()));
                continue;
            }
            Map<RosterColumn, String> values = new EnumMap<>(RosterColumn.class);
            personIndex.forEach((column, index) -> values.put(column, line.cell(index)));
            List<RosterPreview.Problem> personProblems = new ArrayList<>();
            PersonDetails person = rosterRows.details(new RosterLine(line.number(), values), personProblems, communes);
            personProblems.forEach(p -> problems.add(new HistoryImportReport.LineProblem(line.number(), p.messageKey(), p.arguments())));
            String identifier = person.nationalId() != null ? person.nationalId() : person.phone() != null ? person.phone()
                    : person.fullName() + "|" + person.birthYear();
            if (!identifiersByClass.computeIfAbsent(code, k -> new HashSet<>()).add(identifier)) {
                problems.add(problem(line.number(), "history.error.twiceInClass", code));
            }
            Integer attended = number(line.cell(classIndex.get(ClassColumn.ATTENDED)));
            if (attended == null || attended < 0 || attended > pastClass.sessionCount()) {
                problems.add(problem(line.number(), "history.error.attended", pastClass.sessionCount()));
                continue;
            }
            pastClass.participants().add(new Participant(line.number(), person, attended));
        }
        if (byCode.isEmpty() && problems.isEmpty()) {
            problems.add(problem(0, "roster.import.error.empty"));
        }
        if (!problems.isEmpty()) {
            return refused(problems);
        }
        return store(byCode.values());
    }

    private PastClass pastClass(SheetReader.Line line, String code, Map<ClassColumn, Integer> index,
                                List<HistoryImportReport.LineProblem> problems) {
        int before = problems.size();
        if (!ClassService.validCode(code)) {
            problems.add(problem(line.number(), "training.error.code"));
        } else if (classes.existsByCode(code)) {
            problems.add(problem(line.number(), "training.error.codeTaken", code));
        }
        String title = line.cell(index.get(ClassColumn.TITLE));
        if (title.isEmpty() || title.length() > 300) {
            problems.add(problem(line.number(), "training.error.title"));
        }
        String unitCode = line.cell(index.get(ClassColumn.UNIT));
        UnitSummary unit = units.findByCode(unitCode).orElse(null);
        if (unit == null) {
            problems.add(problem(line.number(), "history.error.unit", unitCode));
        } else if (!currentUser.require().manages(unit.path())) {
            problems.add(problem(line.number(), "history.error.unitOutsideScope", unit.name()));
        }
        LocalDate start = date(line.cell(index.get(ClassColumn.START)));
        LocalDate end = date(line.cell(index.get(ClassColumn.END)));
        if (start == null || end == null || end.isBefore(start)) {
            problems.add(problem(line.number(), "history.error.dates"));
        }
        Integer count = number(line.cell(index.get(ClassColumn.SESSIONS)));
        if (count == null || count < 1 || (start != null && end != null && !end.isBefore(start)
                && count > 3 * (end.toEpochDay() - start.toEpochDay() + 1))) {
            problems.add(problem(line.number(), "history.error.sessions"));
        }
        if (problems.size() > before) {
            return null;
        }
        DeliveryMode mode = line.cell(index.getOrDefault(ClassColumn.MODE, -1)).toLowerCase().contains("tuyến")
                || line.cell(index.getOrDefault(ClassColumn.MODE, -1)).toLowerCase().contains("online") ? DeliveryMode.ONLINE : DeliveryMode.IN_PERSON;
        ClassForm form = new ClassForm(code, title, null, null, unit.id(), null, OrganisingLevel.valueOf(unit.level().name()), null, mode,
                null, null, start, end, null, null, ClassStatus.FINISHED, 80, List.of());
        return new PastClass(line.number(), form, count, new ArrayList<>());
    }

    private HistoryImportReport store(Iterable<PastClass> pastClasses) {
        Instant now = clock.instant();
        int classCount = 0;
        int participants = 0;
        int attendances = 0;
        for (PastClass past : pastClasses) {
            TrainingClass c = classes.save(new TrainingClass(past.form(), now));
            List<Long> sessionIds = new ArrayList<>();
            // morning and afternoon of each day first, then evenings: as many as the record says
            long days = daysOf(past);
            for (int i = 0; i < past.sessionCount(); i++) {
                boolean halfDay = i < 2 * days;
                LocalDate day = past.form().startDate().plusDays(halfDay ? i / 2 : i - 2 * days);
                SessionPart part = !halfDay ? SessionPart.EVENING : i % 2 == 0 ? SessionPart.MORNING : SessionPart.AFTERNOON;
                sessionIds.add(sessions.save(new ClassSession(c.getId(), day, part, part.defaultStart(), part.defaultEnd(),
                        past.form().mode(), null)).getId());
            }
            for (Participant p : past.participants()) {
                long personId = persons.findOrCreate(p.person());
                if (roster.add(c.getId(), personId, "IMPORT", now)) {
                    participants++;
                    events.publishEvent(new RosterChanged(c.getId(), personId, true, now));
                }
                for (int s = 0; s < p.attended(); s++) {
                    attendance.recordImported(sessionIds.get(s), personId, now);
                    attendances++;
                    // past years count in reports as today's marks do
                    events.publishEvent(new AttendanceChanged(c.getId(), sessionIds.get(s), personId, AttendanceStatus.PRESENT,
                            AttendanceSource.IMPORT, now));
                }
            }
            // one event per class rather than per mark: the whole class is read again once
            events.publishEvent(new ClassChanged(c.getId()));
            audit.classImported(c);
            classCount++;
        }
        return new HistoryImportReport(classCount, participants, attendances, List.of());
    }

    private static long daysOf(PastClass past) {
        return past.form().endDate().toEpochDay() - past.form().startDate().toEpochDay() + 1;
    }

    private static ClassColumn classColumn(String header) {
        String folded = RosterColumn.fold(header);
        for (ClassColumn c : ClassColumn.values()) {
            if (RosterColumn.fold(c.header).equals(folded)) {
                return c;
            }
        }
        return null;
    }

    /** 15/03/2019, 2019-03-15 or an Excel serial number (43539). */
    static LocalDate date(String text) {
        try {
            if (text.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
                return LocalDate.parse(text, VIETNAMESE_DATE);
            }
            if (text.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
                return LocalDate.parse(text.substring(0, 10));
            }
            if (text.matches("\\d{5}(\\.\\d+)?")) {
                return LocalDate.of(1899, 12, 30).plusDays((long) Double.parseDouble(text));
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }

    private static Integer number(String text) {
        return text.matches("\\d{1,4}") ? Integer.valueOf(text) : null;
    }

    private static HistoryImportReport refused(List<HistoryImportReport.LineProblem> problems) {
        return new HistoryImportReport(0, 0, 0, List.copyOf(problems));
    }

    private static HistoryImportReport.LineProblem problem(int line, String key, Object... args) {
        return new HistoryImportReport.LineProblem(line, key, List.of(args));
    }
}
