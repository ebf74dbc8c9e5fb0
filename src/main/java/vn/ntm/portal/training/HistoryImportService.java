package vn.ntm.portal.training;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.AccountSummary;
import vn.ntm.portal.common.Texts;
import vn.ntm.portal.person.PersonDetails;
import vn.ntm.portal.person.PersonDirectory;
import vn.ntm.portal.person.PersonMatch;
import vn.ntm.portal.person.SheetMatch;
import vn.ntm.portal.person.PersonSummary;
import vn.ntm.portal.security.CurrentUser;
import vn.ntm.portal.training.domain.AttendanceStore;
import vn.ntm.portal.training.domain.ClassSession;
import vn.ntm.portal.training.domain.ClassSessionRepository;
import vn.ntm.portal.training.domain.RosterStore;
import vn.ntm.portal.training.domain.TrainingClass;
import vn.ntm.portal.training.domain.TrainingClassRepository;
import vn.ntm.portal.training.roster.Choices;
import vn.ntm.portal.training.roster.Identifiers;
import vn.ntm.portal.training.roster.RosterColumn;
import vn.ntm.portal.training.roster.RosterLine;
import vn.ntm.portal.training.roster.SheetReader;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitLevel;
import vn.ntm.portal.unit.UnitSummary;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Imports classes of past years from one sheet, one row per participant: the class columns (code, title,
 * organising unit, dates, mode, number of sessions, and optionally organising level, programme, topics, target
 * group, trainers, budget, venue), the person columns of the roster template, and how many sessions the person
 * attended. A province's 2016-2025 records thus enter the same counts. First a preview says how every row will be
 * counted and which columns are ignored; the import then stores all rows or none (the default), or on request the
 * good rows only, listing the others.
 */
@Service
public class HistoryImportService {

    /** The class columns; the person columns are those of {@link RosterColumn}. */
    enum ClassColumn {
        CODE(true, "Mã lớp", "class code"), TITLE(true, "Tên lớp", "class title"),
        UNIT(true, "Mã đơn vị tổ chức", "Đơn vị tổ chức", "organising unit"), START(true, "Từ ngày", "start date"),
        END(true, "Đến ngày", "end date"), MODE(false, "Hình thức", "mode", "delivery mode"), SESSIONS(true, "Số buổi", "sessions"),
        ATTENDED(true, "Số buổi có mặt", "sessions attended"),
        ORGANISING_LEVEL(false, "Cấp tổ chức", "organising level"), PROGRAMME(false, "Chương trình", "programme"),
        TOPICS(false, "Chuyên đề", "topics"), TARGET_GROUPS(false, "Đối tượng của lớp", "target group"),
        TRAINERS(false, "Giảng viên", "trainers"), BUDGET(false, "Kinh phí (đồng)", "Kinh phí", "budget"),
        VENUE(false, "Địa điểm", "venue"),
        // a certificate already issued on paper for this participation: both or neither
        PAPER_NUMBER(false, "Số giấy chứng nhận", "Số GCN", "certificate number"),
        PAPER_DATE(false, "Ngày cấp giấy chứng nhận", "Ngày cấp GCN", "certificate date");

        final boolean required;
        final String header;
        final List<String> names;

        ClassColumn(boolean required, String... names) {
            this.required = required;
            this.header = names[0];
            this.names = List.of(names);
        }
    }

    private static final int HEADER_SEARCH_ROWS = 10;

    private final TrainingClassRepository classes;
    private final ClassSessionRepository sessions;
    private final RosterStore roster;
    private final AttendanceStore attendance;
    private final PersonDirectory persons;
    private final RosterImportService rosterRows;
    private final UnitDirectory units;
    private final AccountService accounts;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TrainingAudit audit;
    private final PaperCertificates paperCertificates;

    HistoryImportService(TrainingClassRepository classes, ClassSessionRepository sessions, RosterStore roster, AttendanceStore attendance,
                         PersonDirectory persons, RosterImportService rosterRows, UnitDirectory units, AccountService accounts,
                         CurrentUser currentUser, Clock clock, ApplicationEventPublisher events, TrainingAudit audit,
                         PaperCertificates paperCertificates) {
        this.paperCertificates = paperCertificates;
        this.audit = audit;
        this.classes = classes;
        this.sessions = sessions;
        this.roster = roster;
        this.attendance = attendance;
        this.persons = persons;
        this.rosterRows = rosterRows;
        this.units = units;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.clock = clock;
        this.events = events;
    }

    /** The template's header: the class columns, the person columns, sessions attended, then the optional class columns. */
    public static List<String> headers() {
        List<String> headers = new ArrayList<>();
        for (ClassColumn c : ClassColumn.values()) {
            if (c.ordinal() < ClassColumn.ATTENDED.ordinal()) {
                headers.add(c.header);
            }
        }
        headers.addAll(RosterColumn.headers());
        for (ClassColumn c : ClassColumn.values()) {
            if (c.ordinal() >= ClassColumn.ATTENDED.ordinal()) {
                headers.add(c.header);
            }
        }
        return headers;
    }

    private record PastClass(int line, ClassForm form, int sessionCount, String unitToday) {
    }

    /** A class as its first row describes it, or the problems of that description. */
    private record ClassReading(@Nullable PastClass pastClass, List<HistoryImportReport.LineProblem> problems) {
    }

    /** One row read and checked: its class, its person, sessions attended, and every problem. */
    private record RowReading(SheetReader.Line line, String code, @Nullable PastClass pastClass, PersonDetails person,
                              LevelSource levelSource, int attended, PaperCertificates.@Nullable Numbered paper,
                              @Nullable LocalDate paperIssuedOn, List<HistoryImportReport.LineProblem> problems) {
    }

    private record Reading(List<String> header, List<String> ignored, List<RowReading> rows,
                           List<HistoryImportReport.LineProblem> fileProblems) {
    }

    /** How each row will be counted, and every problem; nothing is stored. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional(readOnly = true)
    public HistoryPreview preview(byte[] content) {
        Reading reading = read(content);
        List<RowReading> good = reading.rows().stream().filter(r -> r.problems().isEmpty()).toList();
        // matched as the import will: a person written twice in the sheet is the earlier row's person, not a new one
        Iterator<SheetMatch> matches = persons.matchSheet(good.stream().map(RowReading::person).toList()).iterator();
        List<HistoryPreview.Row> rows = new ArrayList<>(reading.rows().size());
        for (RowReading r : reading.rows()) {
            SheetMatch m = r.problems().isEmpty() ? matches.next() : new SheetMatch(PersonMatch.NEW, null);
            Integer sameAsLine = m.earlierRow() == null ? null : good.get(m.earlierRow()).line().number();
            PastClass c = r.pastClass();
            rows.add(new HistoryPreview.Row(r.line().number(), r.line().cells(), r.code(), r.person().fullName(), m.match().kind(), sameAsLine,
                    r.person().level(), r.levelSource(), c == null ? null : c.form().mode(), c == null ? null : c.unitToday(),
                    List.copyOf(r.problems())));
        }
        return new HistoryPreview(reading.header(), rows, reading.ignored(), reading.fileProblems());
    }

    /** Stores every row, or none when any row has a problem. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional
    public HistoryImportReport importFile(byte[] content) {
        return importFile(content, false);
    }

    /**
     * Stores every row, or none when any row has a problem; with {@code goodRowsOnly} the rows without a problem
     * are stored and the others listed in the report's {@code skipped}. A file whose columns cannot be read is
     * refused either way.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional
    public HistoryImportReport importFile(byte[] content, boolean goodRowsOnly) {
        Reading reading = read(content);
        if (!reading.fileProblems().isEmpty()) {
            return refused(reading.fileProblems());
        }
        List<HistoryImportReport.LineProblem> problems = reading.rows().stream().flatMap(r -> r.problems().stream()).toList();
        if (!problems.isEmpty() && !goodRowsOnly) {
            return refused(problems);
        }
        Map<String, List<RowReading>> byClass = new LinkedHashMap<>();
        for (RowReading r : reading.rows()) {
            if (r.problems().isEmpty()) {
                byClass.computeIfAbsent(r.code(), k -> new ArrayList<>()).add(r);
            }
        }
        if (byClass.isEmpty()) {
            return refused(problems.isEmpty() ? List.of(problem(0, "roster.import.error.empty")) : problems);
        }
        return store(byClass, problems);
    }

    private Reading read(byte[] content) {
        SheetReader.Sheet sheet = SheetReader.read(content);
        List<String> header = sheet.header();
        List<SheetReader.Line> lines = sheet.lines();
        if (!namesClassCode(header)) {
            // a title above the header (offices print their lists with one): the header is the first top row naming "Mã lớp"
            for (int i = 0; i < Math.min(HEADER_SEARCH_ROWS, lines.size()); i++) {
                if (namesClassCode(lines.get(i).cells())) {
                    header = lines.get(i).cells();
                    lines = lines.subList(i + 1, lines.size());
                    break;
                }
            }
        }
        Map<ClassColumn, Integer> classIndex = new EnumMap<>(ClassColumn.class);
        Map<RosterColumn, Integer> personIndex = new EnumMap<>(RosterColumn.class);
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i) == null ? "" : header.get(i).replace("\uFEFF", "").strip();
            ClassColumn classColumn = classColumn(h);
            RosterColumn personColumn = RosterColumn.of(h);
            if (classColumn != null) {
                classIndex.putIfAbsent(classColumn, i);
            } else if (personColumn != null) {
                personIndex.putIfAbsent(personColumn, i);
            } else if (!h.isEmpty()) {
                // never thrown away silently: the preview lists it
                ignored.add(h);
            }
        }
        List<String> missing = new ArrayList<>();
        for (ClassColumn c : ClassColumn.values()) {
            if (c.required && !classIndex.containsKey(c)) {
                missing.add(c.header);
            }
        }
        if (!personIndex.containsKey(RosterColumn.FULL_NAME)) {
            missing.add(RosterColumn.FULL_NAME.header());
        }
        if (!missing.isEmpty()) {
            return new Reading(header, ignored, List.of(),
                    List.of(new HistoryImportReport.LineProblem(1, "history.error.columns", List.of(String.join(", ", missing)))));
        }
        if (lines.isEmpty()) {
            return new Reading(header, ignored, List.of(), List.of(problem(0, "roster.import.error.empty")));
        }
        Map<String, ClassReading> byCode = new HashMap<>();
        Map<String, UnitSummary> communes = new HashMap<>();
        Map<String, Set<String>> identifiersByClass = new HashMap<>();
        Map<PaperCertificates.Numbered, Integer> paperLines = new LinkedHashMap<>();
        List<RowReading> rows = new ArrayList<>(lines.size());
        for (SheetReader.Line line : lines) {
            List<HistoryImportReport.LineProblem> problems = new ArrayList<>();
            String code = Texts.clean(line.cell(classIndex.get(ClassColumn.CODE)));
            ClassReading classReading = byCode.get(code);
            if (classReading == null) {
                classReading = pastClass(line, code, classIndex);
                byCode.put(code, classReading);
                problems.addAll(classReading.problems());
            } else if (classReading.pastClass() == null) {
                problems.add(problem(line.number(), "history.error.classRow", code, firstLine(classReading)));
            } else if (!Texts.clean(line.cell(classIndex.get(ClassColumn.TITLE))).equals(classReading.pastClass().form().title())) {
                problems.add(problem(line.number(), "history.error.classDiffers", classReading.pastClass().line()));
            }
            PastClass pastClass = classReading.pastClass();
            Map<RosterColumn, String> values = new EnumMap<>(RosterColumn.class);
            personIndex.forEach((column, index) -> values.put(column, line.cell(index)));
            RosterLine rosterLine = new RosterLine(line.number(), values);
            List<RosterPreview.Problem> personProblems = new ArrayList<>();
            PersonDetails person = rosterRows.details(rosterLine, personProblems, communes);
            personProblems.forEach(p -> problems.add(new HistoryImportReport.LineProblem(line.number(), p.messageKey(), p.arguments())));
            String identifier = person.nationalId() != null ? person.nationalId() : person.phone() != null ? person.phone()
                    : person.fullName() + "|" + person.birthYear();
            if (!identifiersByClass.computeIfAbsent(code, k -> new HashSet<>()).add(identifier)) {
                problems.add(problem(line.number(), "history.error.twiceInClass", code));
            }
            Integer attended = number(line.cell(classIndex.get(ClassColumn.ATTENDED)));
            if (attended == null || attended < 0 || (pastClass != null && attended > pastClass.sessionCount())) {
                problems.add(problem(line.number(), "history.error.attended", pastClass == null ? "?" : pastClass.sessionCount()));
            }
            String paperText = cell(line, classIndex, ClassColumn.PAPER_NUMBER).strip();
            String paperDateText = cell(line, classIndex, ClassColumn.PAPER_DATE).strip();
            PaperCertificates.Numbered paper = null;
            LocalDate paperIssuedOn = null;
            if (!paperText.isEmpty() || !paperDateText.isEmpty()) {
                String number = PaperCertificates.normalized(paperText);
                paperIssuedOn = date(paperDateText);
                if (paperText.isEmpty() || paperDateText.isEmpty()) {
                    problems.add(problem(line.number(), "history.error.paperIncomplete"));
                } else if (!PaperCertificates.plausible(number)) {
                    problems.add(problem(line.number(), "history.error.paperNumber", paperText));
                } else if (paperIssuedOn == null) {
                    problems.add(problem(line.number(), "history.error.paperDate", paperDateText));
                } else if ((pastClass != null && paperIssuedOn.isBefore(pastClass.form().startDate()))
                        || paperIssuedOn.isAfter(LocalDate.now(clock))) {
                    problems.add(problem(line.number(), "history.error.paperDateRange", paperDateText));
                } else {
                    paper = new PaperCertificates.Numbered(number, paperIssuedOn.getYear());
                    Integer first = paperLines.putIfAbsent(paper, line.number());
                    if (first != null) {
                        problems.add(problem(line.number(), "history.error.paperTwice", paperText, String.valueOf(first)));
                    }
                }
            }
            rows.add(new RowReading(line, code, pastClass, person, RosterImportService.levelSource(rosterLine),
                    attended == null ? 0 : attended, paper, paperIssuedOn, problems));
        }
        // numbers already given, on paper or by the portal, the same year: all looked up at once
        Set<PaperCertificates.Numbered> taken = paperCertificates.taken(paperLines.keySet());
        for (RowReading r : rows) {
            if (r.paper() != null && taken.contains(r.paper())) {
                r.problems().add(problem(r.line().number(), "history.error.paperTaken", r.paper().number(), String.valueOf(r.paper().year())));
            }
        }
        return new Reading(header, ignored, rows, List.of());
    }

    private static int firstLine(ClassReading reading) {
        return reading.problems().isEmpty() ? 0 : reading.problems().getFirst().line();
    }

    private ClassReading pastClass(SheetReader.Line line, String code, Map<ClassColumn, Integer> index) {
        List<HistoryImportReport.LineProblem> problems = new ArrayList<>();
        int n = line.number();
        if (!ClassService.validCode(code)) {
            problems.add(problem(n, "training.error.code"));
        } else if (classes.existsByCode(code)) {
            problems.add(problem(n, "training.error.codeTaken", code));
        }
        String title = Texts.clean(cell(line, index, ClassColumn.TITLE));
        if (title.isEmpty() || title.length() > 300) {
            problems.add(problem(n, "training.error.title"));
        }
        String unitText = cell(line, index, ClassColumn.UNIT);
        UnitLookup lookup = unit(unitText);
        UnitSummary unit = lookup.unit();
        if (unit == null && !lookup.didYouMean().isEmpty()) {
            problems.add(problem(n, "history.error.unitDidYouMean", unitText,
                    lookup.didYouMean().stream().map(this::label).collect(Collectors.joining("; "))));
        } else if (unit == null) {
            problems.add(problem(n, "history.error.unit", unitText));
        } else if (!currentUser.require().manages(unit.path())) {
            problems.add(problem(n, "history.error.unitOutsideScope", unit.name()));
        }
        LocalDate start = Identifiers.date(cell(line, index, ClassColumn.START));
        LocalDate end = Identifiers.date(cell(line, index, ClassColumn.END));
        if (start == null || end == null || end.isBefore(start)) {
            problems.add(problem(n, "history.error.dates"));
        }
        Integer count = number(cell(line, index, ClassColumn.SESSIONS));
        if (count == null || count < 1 || (start != null && end != null && !end.isBefore(start)
                && count > 3 * (end.toEpochDay() - start.toEpochDay() + 1))) {
            problems.add(problem(n, "history.error.sessions"));
        }
        String modeText = cell(line, index, ClassColumn.MODE);
        Optional<DeliveryMode> mode = Choices.mode(modeText);
        if (mode == null) {
            problems.add(problem(n, "history.error.mode", modeText));
        }
        String levelText = cell(line, index, ClassColumn.ORGANISING_LEVEL);
        Optional<OrganisingLevel> organisingLevel = Choices.organiser(levelText);
        if (organisingLevel == null) {
            problems.add(problem(n, "history.error.organisingLevel", levelText));
        }
        String budgetText = cell(line, index, ClassColumn.BUDGET);
        Long budget = budget(budgetText);
        if (!budgetText.isEmpty() && budget == null) {
            problems.add(problem(n, "history.error.budget", budgetText));
        }
        List<Long> trainers = new ArrayList<>();
        for (String login : cell(line, index, ClassColumn.TRAINERS).split("[;,\\n]")) {
            if (!login.isBlank()) {
                Optional<AccountSummary> trainer = accounts.findTrainer(login);
                if (trainer.isEmpty()) {
                    problems.add(problem(n, "history.error.trainer", login.strip()));
                } else if (!trainers.contains(trainer.get().id())) {
                    trainers.add(trainer.get().id());
                }
            }
        }
        if (!problems.isEmpty()) {
            return new ClassReading(null, problems);
        }
        // a blank organising level is the level of the organising unit; a blank mode is in person, as the template says
        OrganisingLevel level = organisingLevel.orElse(OrganisingLevel.valueOf(unit.level().name()));
        ClassForm form = new ClassForm(code, title, blank(cell(line, index, ClassColumn.PROGRAMME)),
                blank(cell(line, index, ClassColumn.TOPICS)), unit.id(), null, level, blank(cell(line, index, ClassColumn.TARGET_GROUPS)),
                mode.orElse(DeliveryMode.IN_PERSON), blank(cell(line, index, ClassColumn.VENUE)), null, start, end, null, budget,
                ClassStatus.FINISHED, 80, List.copyOf(trainers));
        String unitToday = units.currentUnitsFor(unit.id()).stream().map(UnitSummary::name).collect(Collectors.joining(", "));
        return new ClassReading(new PastClass(n, form, count, unitToday), List.of());
    }

    /** A unit found, or the units the text may have meant. */
    private record UnitLookup(@Nullable UnitSummary unit, List<UnitSummary> didYouMean) {
    }

    /**
     * The organising unit by its code (a lost leading zero put back) or by its name, with or without its kind
     * ("Tỉnh", "Xã", "Thị trấn"...) and, after a comma or in brackets, its province: "Thị trấn Cẩm Xuyên, Hà Tĩnh"
     * names the township dissolved in 2025. Units no longer in force are found too (their records count under
     * their successors). A name several units share, or one written a little differently, gives the candidates.
     */
    private UnitLookup unit(String text) {
        if (text.isBlank()) {
            return new UnitLookup(null, List.of());
        }
        Optional<UnitSummary> byCode = units.findByCode(Identifiers.unitCode(text));
        if (byCode.isPresent()) {
            return new UnitLookup(byCode.get(), List.of());
        }
        String[] parts = text.replace(")", "").split("[,(]|\\s-\\s", 2);
        String written = Texts.clean(parts[0]);
        String province = parts.length > 1 ? Texts.fold(Identifiers.unitName(parts[1])) : null;
        String name = Identifiers.unitName(written);
        String kind = name.length() < written.length() ? Texts.fold(written.substring(0, written.length() - name.length())) : null;
        String wanted = Texts.fold(name);
        List<UnitSummary> alike = new ArrayList<>();
        List<UnitSummary> exact = new ArrayList<>();
        for (UnitSummary u : units.search(null, name, 0, 50)) {
            if (!Texts.fold(u.name()).equals(wanted)) {
                continue;
            }
            alike.add(u);
            boolean kindFits = kind == null || Texts.fold(u.kind().vietnamese()).equals(kind)
                    || (kind.equals("thanh pho") && u.level() == UnitLevel.PROVINCE) || (kind.equals("tinh") && u.level() == UnitLevel.PROVINCE);
            boolean provinceFits = province == null || units.provinceOf(u).map(p -> Texts.fold(p.name()).equals(province)).orElse(false);
            boolean spelled = Texts.clean(u.name()).equalsIgnoreCase(Texts.clean(name));
            if (kindFits && provinceFits && spelled) {
                exact.add(u);
            }
        }
        return exact.size() == 1 ? new UnitLookup(exact.getFirst(), List.of()) : new UnitLookup(null, alike);
    }

    /** How a unit is named in a suggestion: kind, name, province and code ("thị trấn Cẩm Xuyên, Hà Tĩnh (H18676)"). */
    private String label(UnitSummary u) {
        String province = u.level() == UnitLevel.PROVINCE ? "" : units.provinceOf(u).map(p -> ", " + p.name()).orElse("");
        return u.kind().vietnamese() + " " + u.name() + province + " (" + u.code() + ")";
    }

    /**
     * The units of the caller's scope dissolved in the 2025 merger, which the official list of today no longer has,
     * as a CSV to copy codes from: code, kind, name, province, last day in force, the units it counts under today.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional(readOnly = true)
    public byte[] dissolvedUnitsCsv() {
        StringBuilder out = new StringBuilder("\uFEFF");
        try (org.apache.commons.csv.CSVPrinter csv = new org.apache.commons.csv.CSVPrinter(out, org.apache.commons.csv.CSVFormat.RFC4180)) {
            csv.printRecord("Mã", "Loại", "Tên", "Tỉnh", "Hiệu lực đến", "Tính cho đơn vị hiện nay");
            for (UnitSummary u : units.dissolved()) {
                csv.printRecord(u.code(), u.kind().vietnamese(), u.name(), units.provinceOf(u).map(UnitSummary::name).orElse(""),
                        u.validTo() == null ? "" : u.validTo().toString(),
                        units.currentUnitsFor(u.id()).stream().map(this::label).collect(Collectors.joining("; ")));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private HistoryImportReport store(Map<String, List<RowReading>> byClass, List<HistoryImportReport.LineProblem> skipped) {
        Instant now = clock.instant();
        int classCount = 0;
        int participants = 0;
        int attendances = 0;
        List<PaperCertificates.Paper> papers = new ArrayList<>();
        for (List<RowReading> rows : byClass.values()) {
            PastClass past = rows.getFirst().pastClass();
            TrainingClass c = classes.save(new TrainingClass(ProgrammeSpelling.onRecord(classes, past.form(), 0), now));
            List<Long> sessionIds = new ArrayList<>();
            // morning and afternoon of each day first, then evenings: as many as the record says
            long days = past.form().endDate().toEpochDay() - past.form().startDate().toEpochDay() + 1;
            for (int i = 0; i < past.sessionCount(); i++) {
                boolean halfDay = i < 2 * days;
                LocalDate day = past.form().startDate().plusDays(halfDay ? i / 2 : i - 2 * days);
                SessionPart part = !halfDay ? SessionPart.EVENING : i % 2 == 0 ? SessionPart.MORNING : SessionPart.AFTERNOON;
                sessionIds.add(sessions.save(new ClassSession(c.getId(), day, part, part.defaultStart(), part.defaultEnd(),
                        past.form().mode(), null)).getId());
            }
            String unitPath = units.findById(past.form().unitId()).map(UnitSummary::path).orElse("");
            for (RowReading r : rows) {
                long personId = personOf(r.person());
                if (r.paper() != null && r.paperIssuedOn() != null) {
                    papers.add(new PaperCertificates.Paper(r.paper().number(), r.paperIssuedOn(), c.getId(), personId, unitPath,
                            r.person().fullName(), r.person().birthYear(), past.form().code(), past.form().title(), past.form().startDate(),
                            past.form().endDate()));
                }
                // the roster place keeps who the trainee was in that class: the level, commune, position of the row
                if (roster.add(c.getId(), personId, "IMPORT", now, RosterImportService.asRecorded(r.person()))) {
                    participants++;
                    events.publishEvent(new RosterChanged(c.getId(), personId, true, now));
                }
                for (int s = 0; s < r.attended(); s++) {
                    // two rows that turn out to be one person store each mark once: count what was stored
                    if (attendance.recordImported(sessionIds.get(s), personId, now)) {
                        attendances++;
                        events.publishEvent(new AttendanceChanged(c.getId(), sessionIds.get(s), personId, AttendanceStatus.PRESENT,
                                AttendanceSource.IMPORT, now));
                    }
                }
            }
            // one event per class rather than per mark: the whole class is read again once
            events.publishEvent(new ClassChanged(c.getId()));
            audit.classImported(c);
            classCount++;
        }
        // kept by the certificate module, in this transaction: a refused import keeps none of them either
        paperCertificates.record(papers);
        return new HistoryImportReport(classCount, participants, attendances, papers.size(), List.of(), List.copyOf(skipped));
    }

    /**
     * The stored person of a row. A row with a national ID is never given to a stored person who has another
     * national ID, even when they share the household's phone: different IDs are different people.
     */
    private long personOf(PersonDetails details) {
        PersonMatch match = persons.match(details);
        if (match.kind() == PersonMatch.Kind.PHONE && details.nationalId() != null && match.personId() != null) {
            String storedId = persons.findById(match.personId()).map(PersonSummary::nationalId).orElse(null);
            if (storedId != null && !storedId.equals(details.nationalId())) {
                return persons.create(details);
            }
        }
        return persons.findOrCreate(details);
    }

    private static boolean namesClassCode(List<String> cells) {
        return cells.stream().anyMatch(c -> c != null && classColumn(c.replace("\uFEFF", "").strip()) == ClassColumn.CODE);
    }

    private static @Nullable ClassColumn classColumn(String header) {
        String folded = RosterColumn.fold(header);
        for (ClassColumn c : ClassColumn.values()) {
            for (String name : c.names) {
                if (RosterColumn.fold(name).equals(folded)) {
                    return c;
                }
            }
        }
        return null;
    }

    private static String cell(SheetReader.Line line, Map<ClassColumn, Integer> index, ClassColumn column) {
        return line.cell(index.getOrDefault(column, -1));
    }

    /** 15/03/2019, 15-03-2019, 2019-03-15 or an Excel date cell; see {@link Identifiers#date}. */
    static @Nullable LocalDate date(String text) {
        return Identifiers.date(text);
    }

    /** An amount in đồng: digits, with dots, commas or spaces between thousands. */
    private static @Nullable Long budget(String text) {
        String digits = text.replaceAll("[\\s.,]|đ$|đồng$|vnd$|VND$", "");
        return digits.matches("\\d{1,15}") ? Long.valueOf(digits) : null;
    }

    private static @Nullable String blank(String text) {
        return text.isBlank() ? null : text.strip();
    }

    private static @Nullable Integer number(String text) {
        return text.matches("\\d{1,4}") ? Integer.valueOf(text) : null;
    }

    private static HistoryImportReport refused(List<HistoryImportReport.LineProblem> problems) {
        return HistoryImportReport.refused(List.copyOf(problems));
    }

    private static HistoryImportReport.LineProblem problem(int line, String key, Object... args) {
        return new HistoryImportReport.LineProblem(line, key, List.of(args));
    }
}
