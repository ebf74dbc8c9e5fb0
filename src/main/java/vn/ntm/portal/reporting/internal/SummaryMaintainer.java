package vn.ntm.portal.reporting.internal;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.ntm.portal.certificate.CertificateFeed;
import vn.ntm.portal.certificate.CertificateIssued;
import vn.ntm.portal.certificate.CertificateRevoked;
import vn.ntm.portal.learning.EnrolmentFeed;
import vn.ntm.portal.learning.OnlineEnrolmentFacts;
import vn.ntm.portal.person.PersonDirectory;
import vn.ntm.portal.training.ClassFacts;
import vn.ntm.portal.training.ClassFeed;
import vn.ntm.portal.training.ClassStatus;
import vn.ntm.portal.training.ParticipationView;
import vn.ntm.portal.training.Participations;

/**
 * Keeps the summary tables in step with what training and learning answer through their read APIs
 * ({@link Participations}, {@link ClassFeed}, {@code EnrolmentFeed}): reporting reads none of their tables, and
 * "completed" is training's word. A refresh re-derives the rows of one class (or of some persons in it) from the same
 * API calls as the full rebuild, then moves the pre-aggregated cells by the difference the
 * change made for the persons concerned, which keeps distinct-person counts exact. Every refresh and the rebuild
 * lock one row first, so they run one at a time, each in its own read-committed transaction: every statement then
 * reads what the previous refresh committed, and the read APIs' plain selects take no locks that would hold up a check-in.
 * Changes to classes, rosters and marks arrive through the queue ({@link SummaryRefresher}), so that one refresh
 * takes every person queued for a class at once.
 */
@Component
public class SummaryMaintainer {

    private static final Logger log = LoggerFactory.getLogger(SummaryMaintainer.class);
    private static final int REBUILD_CLASSES_PER_STATEMENT = 1_000;
    /** Persons re-derived by one statement: a class of ten thousand check-ins is refreshed in a few steps. */
    private static final int PERSONS_PER_REFRESH = 1_000;
    private static final int PARTICIPATIONS_PER_INSERT = 5_000;

    private final JdbcTemplate jdbc;
    private final UnitMapper unitMapper;
    private final java.time.Clock clock;
    private final Participations participations;
    private final ClassFeed classFeed;
    private final PersonDirectory persons;
    private final EnrolmentFeed enrolments;
    private final CertificateFeed certificates;

    SummaryMaintainer(JdbcTemplate jdbc, UnitMapper unitMapper, java.time.Clock clock, Participations participations,
                      ClassFeed classFeed, PersonDirectory persons, EnrolmentFeed enrolments, CertificateFeed certificates) {
        this.certificates = certificates;
        this.enrolments = enrolments;
        this.jdbc = jdbc;
        this.unitMapper = unitMapper;
        this.clock = clock;
        this.participations = participations;
        this.classFeed = classFeed;
        this.persons = persons;
    }

    /** Today on the portal's clock: a class whose first day is after it is planned, not held. */
    private java.sql.Date today() {
        return java.sql.Date.valueOf(java.time.LocalDate.now(clock));
    }

    public record RebuildResult(long classes, long participations, long cells, long onlineEnrolments, long millis) {
    }

    private static final RowMapper<Cells.Part> PART = (rs, i) -> {
        long commune = rs.getLong("commune_id");
        Long communeId = rs.wasNull() ? null : commune;
        return new Cells.Part(rs.getLong("class_id"), rs.getLong("person_id"), rs.getBoolean("enrolled"),
                rs.getInt("attended_sessions"), rs.getBoolean("completed"), rs.getString("trainee_level"),
                rs.getDate("start_date").toLocalDate(), rs.getLong("province_id"), communeId, rs.getString("organising_level"),
                rs.getString("delivery_mode"), rs.getString("programme"), rs.getString("trainer_ids"), rs.getInt("certificates"));
    };
    private static final String PART_COLUMNS = "class_id, person_id, enrolled, attended_sessions, completed, trainee_level, start_date,"
            + " province_id, commune_id, organising_level, delivery_mode, programme, trainer_ids, certificates";
    private static final RowMapper<Cells.ClassRow> CLASS = (rs, i) -> {
        long commune = rs.getLong("commune_id");
        Long communeId = rs.wasNull() ? null : commune;
        return new Cells.ClassRow(rs.getLong("class_id"), rs.getDate("start_date").toLocalDate(), rs.getLong("province_id"), communeId,
                rs.getString("organising_level"), rs.getString("delivery_mode"), rs.getString("programme"), rs.getLong("budget_vnd"),
                rs.getString("trainer_ids"));
    };
    private static final String CLASS_COLUMNS = "class_id, start_date, province_id, commune_id, organising_level, delivery_mode, programme,"
            + " budget_vnd, trainer_ids";

    /**
     * Works queued changes of one class: those of the given queue rows still there (another portal instance may have
     * worked them meanwhile), all persons at once, then removes the rows in the same transaction.
     * @return how many queue rows were worked
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW, isolation = Isolation.READ_COMMITTED)
    public int refreshQueued(long classId, List<Long> queueIds) {
        lock();
        List<Object[]> rows = jdbc.query("select id, person_id from report_pending where id in (" + marks(queueIds) + ")",
                (rs, i) -> new Object[]{rs.getLong(1), rs.getObject(2)}, queueIds.toArray());
        if (rows.isEmpty()) {
            return 0;
        }
        if (rows.stream().anyMatch(r -> r[1] == null)) {
            refresh(classId, null);
        } else {
            List<Long> persons = rows.stream().map(r -> ((Number) r[1]).longValue()).distinct().toList();
            for (int from = 0; from < persons.size(); from += PERSONS_PER_REFRESH) {
                refresh(classId, personRecords(persons.subList(from, Math.min(persons.size(), from + PERSONS_PER_REFRESH))));
            }
        }
        List<Long> worked = rows.stream().map(r -> (Long) r[0]).toList();
        jdbc.update("delete from report_pending where id in (" + marks(worked) + ")", worked.toArray());
        return worked.size();
    }

    /** After two person records were merged: every class of either is refreshed for both. */
    @Transactional(propagation = Propagation.REQUIRES_NEW, isolation = Isolation.READ_COMMITTED)
    public void refreshMerged(long keptId, long mergedId) {
        List<Long> ids = personRecords(List.of(keptId, mergedId));
        Set<Long> classes = new LinkedHashSet<>(jdbc.queryForList("select distinct class_id from report_participation where person_id in ("
                + marks(ids) + ")", Long.class, ids.toArray()));
        classes.addAll(participations.classesOnRosterOf(ids));
        for (long classId : classes) {
            refresh(classId, ids);
        }
    }

    /** Every record of these persons: themselves, the records they were merged into and the records merged into them. */
    private List<Long> personRecords(List<Long> ids) {
        return persons.recordsOfSamePersons(ids);
    }

    private void refresh(long classId, @Nullable List<Long> personIds) {
        lock();
        Integer known = jdbc.queryForObject("select count(*) from report_class where class_id = ?", Integer.class, classId);
        if (personIds != null && (known == null || known == 0)) {
            // the class's own event has not been handled yet (listeners run in parallel): take the whole class now
            personIds = null;
        }
        ClassFacts facts = classFeed.find(classId).orElse(null);
        if (facts != null) {
            unitMapper.ensure(facts.unitId());
        }
        String personCondition = personIds == null ? "" : " and person_id in (" + marks(personIds) + ")";
        Object[] personArgs = personIds == null ? new Object[0] : personIds.toArray();
        List<Cells.Part> old = jdbc.query("select " + PART_COLUMNS + " from report_participation where class_id = ?" + personCondition,
                PART, args(classId, personArgs));
        Map<Cells.Key, long[]> delta = new HashMap<>();
        if (personIds == null) {
            // the class itself counts in the cells (classes, budget): move them from what it was to what it is
            jdbc.query("select " + CLASS_COLUMNS + " from report_class where class_id = ?", CLASS, classId)
                    .forEach(c -> Cells.add(delta, Cells.contributions(c), -1));
            jdbc.update("delete from report_class where class_id = ?", classId);
            jdbc.update("delete from report_class_trainer where class_id = ?", classId);
            jdbc.update("delete from report_planned_level where class_id = ?", classId);
            jdbc.update("delete from report_planned_class where class_id = ?", classId);
            if (facts != null && facts.status() != ClassStatus.CANCELLED) {
                insertClasses(List.of(facts));
            }
            jdbc.query("select " + CLASS_COLUMNS + " from report_class where class_id = ?", CLASS, classId)
                    .forEach(c -> Cells.add(delta, Cells.contributions(c), 1));
        }
        jdbc.update("delete from report_participation where class_id = ?" + personCondition, args(classId, personArgs));
        insertParticipations(participations.of(classId, personIds), personIds);
        List<Cells.Part> fresh = jdbc.query("select " + PART_COLUMNS + " from report_participation where class_id = ?" + personCondition,
                PART, args(classId, personArgs));
        updateClassCounters(" where class_id = ?", classId);

        // the cells move by what the change made to each person concerned, over all their classes
        Set<Long> persons = new LinkedHashSet<>();
        old.forEach(p -> persons.add(p.personId()));
        fresh.forEach(p -> persons.add(p.personId()));
        List<Long> personList = List.copyOf(persons);
        Map<Long, List<Cells.Part>> after = personList.isEmpty() ? Map.of() : jdbc.query("select " + PART_COLUMNS
                + " from report_participation where person_id in (" + marks(personList) + ")", PART, personList.toArray())
                .stream().collect(Collectors.groupingBy(Cells.Part::personId));
        for (long person : personList) {
            List<Cells.Part> now = after.getOrDefault(person, List.of());
            List<Cells.Part> before = new ArrayList<>(now.stream().filter(p -> p.classId() != classId).toList());
            old.stream().filter(p -> p.personId() == person).forEach(before::add);
            Cells.add(delta, Cells.contributions(now), 1);
            Cells.add(delta, Cells.contributions(before), -1);
        }
        applyCells(delta, true);
    }

    /** Rebuilds every summary from the base tables in one transaction: readers see the old figures until it commits. */
    @Transactional(propagation = Propagation.REQUIRES_NEW, isolation = Isolation.READ_COMMITTED)
    public RebuildResult rebuild() {
        long start = System.nanoTime();
        lock();
        for (String table : List.of("report_cell", "report_participation", "report_class", "report_class_trainer",
                "report_planned_level", "report_planned_class", "report_online", "report_unit_map", "report_certificate")) {
            jdbc.update("delete from " + table);
        }
        // the certificates in force first: the class-person rows below count them
        List<Object[]> held = new ArrayList<>();
        certificates.inForce(c -> {
            if (c.classId() != null) {
                held.add(certificateRow(c));
            }
            if (held.size() == 2000) {
                insertCertificates(held);
                held.clear();
            }
        });
        insertCertificates(held);
        Set<Long> unitIds = new LinkedHashSet<>(classFeed.unitsWithClasses());
        unitIds.addAll(enrolments.unitsOfLearners());
        unitMapper.write(unitMapper.mapAll(List.copyOf(unitIds)));
        List<ClassFacts> batch = new ArrayList<>(REBUILD_CLASSES_PER_STATEMENT);
        classFeed.notCancelled(c -> {
            batch.add(c);
            if (batch.size() == REBUILD_CLASSES_PER_STATEMENT) {
                insertClasses(batch);
                batch.clear();
            }
        });
        insertClasses(batch);
        // class by class range: each statement groups a few hundred thousand marks in memory, not millions on disk
        long lastClass = jdbc.queryForObject("select coalesce(max(class_id), 0) from report_class", Long.class);
        for (long from = 0; from <= lastClass; from += REBUILD_CLASSES_PER_STATEMENT) {
            long to = from + REBUILD_CLASSES_PER_STATEMENT - 1;
            // written a few thousand at a time: a range of large classes never sits in memory as objects
            List<ParticipationView> range = new ArrayList<>();
            participations.ofClasses(from, to, p -> {
                range.add(p);
                if (range.size() == PARTICIPATIONS_PER_INSERT) {
                    insertParticipations(range, null);
                    range.clear();
                }
            });
            insertParticipations(range, null);
        }
        updateClassCounters("", new Object[0]);
        // cells: one pass over the rows, person by person
        Map<Cells.Key, long[]> cells = new HashMap<>();
        List<Cells.Part> ofPerson = new ArrayList<>();
        long[] current = {-1};
        jdbc.query("select " + PART_COLUMNS + " from report_participation order by person_id", rs -> {
            Cells.Part p = PART.mapRow(rs, 0);
            if (p.personId() != current[0] && !ofPerson.isEmpty()) {
                Cells.add(cells, Cells.contributions(ofPerson), 1);
                ofPerson.clear();
            }
            current[0] = p.personId();
            ofPerson.add(p);
        });
        if (!ofPerson.isEmpty()) {
            Cells.add(cells, Cells.contributions(ofPerson), 1);
        }
        jdbc.query("select " + CLASS_COLUMNS + " from report_class", rs -> {
            Cells.add(cells, Cells.contributions(CLASS.mapRow(rs, 0)), 1);
        });
        applyCells(cells, false);
        List<OnlineEnrolmentFacts> enrolled = new ArrayList<>();
        enrolments.all(e -> {
            enrolled.add(e);
            if (enrolled.size() == 2000) {
                insertOnline(enrolled);
                enrolled.clear();
            }
        });
        insertOnline(enrolled);
        long classes = count("report_class");
        long parts = count("report_participation");
        long online = count("report_online");
        RebuildResult result = new RebuildResult(classes, parts, cells.size(), online, (System.nanoTime() - start) / 1_000_000);
        log.info("Reporting summaries rebuilt: {}", result);
        return result;
    }

    /**
     * A certificate came into force: the reports' copy takes it (a certificate of no class does not count in the
     * class-based figures). Under the summaries' lock, so a rebuild never runs between its delete and its refill of
     * the copy; the caller then queues the class and person for a refresh, which recounts the cells.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW, isolation = Isolation.READ_COMMITTED)
    public boolean certificateIssued(CertificateIssued c) {
        if (c.classId() == null) {
            return false;
        }
        lock();
        insertCertificates(java.util.Collections.singletonList(certificateRow(c)));
        return true;
    }

    /** A certificate was revoked: it leaves the reports' copy (the caller queues the refresh). */
    @Transactional(propagation = Propagation.REQUIRES_NEW, isolation = Isolation.READ_COMMITTED)
    public boolean certificateRevoked(CertificateRevoked c) {
        if (c.classId() == null) {
            return false;
        }
        lock();
        jdbc.update("delete from report_certificate where paper = ? and certificate_id = ?", c.paper(), c.certificateId());
        return true;
    }

    private static Object[] certificateRow(CertificateIssued c) {
        return new Object[]{c.paper(), c.certificateId(), c.classId(), c.personId(), java.sql.Date.valueOf(c.issuedOn())};
    }

    /** Idempotent: an event handed over again after a restart, or a certificate the rebuild already took, changes nothing. */
    private void insertCertificates(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert ignore into report_certificate (paper, certificate_id, class_id, person_id, issued_on) values (?, ?, ?, ?, ?)",
                    rows);
        }
    }

    /** One online enrolment, as it is now. */
    @Transactional(propagation = Propagation.REQUIRES_NEW, isolation = Isolation.READ_COMMITTED)
    public void refreshOnline(long enrolmentId) {
        lock();
        OnlineEnrolmentFacts facts = enrolments.find(enrolmentId).orElse(null);
        if (facts != null && facts.unitId() != null) {
            unitMapper.ensure(facts.unitId());
        }
        jdbc.update("delete from report_online where enrolment_id = ?", enrolmentId);
        if (facts != null) {
            insertOnline(List.of(facts));
        }
    }

    /**
     * Queues every class that has begun (first day today or before, not cancelled) but is not in the summaries yet:
     * planned classes cross into the held figures on the day they begin. Returns how many were queued.
     */
    public int queueClassesThatBegan() {
        List<Long> begun = classFeed.idsBegunBy(today().toLocalDate());
        Boolean any = jdbc.queryForObject("select exists (select 1 from report_class)", Boolean.class);
        if (!Boolean.TRUE.equals(any) && begun.size() > REBUILD_CLASSES_PER_STATEMENT) {
            // empty summaries with many classes are being rebuilt whole (RebuildOnStart), not class by class
            return 0;
        }
        Set<Long> missing = new LinkedHashSet<>(begun);
        missing.removeAll(jdbc.queryForList("select class_id from report_class", Long.class));
        missing.removeAll(jdbc.queryForList("select class_id from report_pending where person_id is null", Long.class));
        List<Object[]> rows = missing.stream().map(id -> new Object[]{id}).toList();
        jdbc.batchUpdate("insert into report_pending (class_id, person_id) values (?, null)", rows);
        return rows.size();
    }

    /**
     * Summary work runs in the background and may wait for a rebuild or run statements of minutes, beyond the
     * few seconds a request may wait for the database (socketTimeout): this connection waits up to 15 minutes. The
     * pool puts the usual limit back when the connection is returned.
     */
    private void lock() {
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Object>) connection -> {
            connection.setNetworkTimeout(Runnable::run, (int) java.time.Duration.ofMinutes(15).toMillis());
            return null;
        });
        jdbc.queryForObject("select id from report_refresh_lock where id = 1 for update", Integer.class);
    }

    private long count(String table) {
        Long n = jdbc.queryForObject("select count(*) from " + table, Long.class);
        return n == null ? 0 : n;
    }

    private void applyCells(Map<Cells.Key, long[]> cells, boolean delta) {
        List<Object[]> rows = new ArrayList<>(cells.size());
        cells.forEach((k, v) -> {
            if (!delta || Arrays.stream(v).anyMatch(x -> x != 0)) {
                rows.add(new Object[]{String.valueOf(k.unitLevel()), k.unitId(), k.period(), k.dim(), k.dimValue(), k.parentUnitId(),
                        v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]});
            }
        });
        for (int from = 0; from < rows.size(); from += 2000) {
            jdbc.batchUpdate("""
                    insert into report_cell (unit_level, unit_id, period, dim, dim_value, parent_unit_id, enrolments,
                      session_attendances, participations, completions, unique_participants, classes, budget_vnd, certificates)
                      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on duplicate key update enrolments = enrolments + values(enrolments),
                      session_attendances = session_attendances + values(session_attendances),
                      participations = participations + values(participations), completions = completions + values(completions),
                      unique_participants = unique_participants + values(unique_participants),
                      classes = classes + values(classes), budget_vnd = budget_vnd + values(budget_vnd),
                      certificates = certificates + values(certificates)""",
                    rows.subList(from, Math.min(rows.size(), from + 2000)));
        }
    }

    private void updateClassCounters(String where, Object... args) {
        jdbc.update("""
                update report_class rc left join (select class_id, sum(enrolled) e, sum(attended_sessions) sa,
                  sum(attended_sessions > 0) pa, sum(completed) co from report_participation %s group by class_id) x
                  on x.class_id = rc.class_id
                set rc.enrolments = coalesce(x.e, 0), rc.session_attendances = coalesce(x.sa, 0),
                  rc.participations = coalesce(x.pa, 0), rc.completions = coalesce(x.co, 0) %s"""
                .formatted(where, where.isEmpty() ? "" : where.replace("class_id", "rc.class_id")), args.length == 0 ? args
                : new Object[]{args[0], args[0]});
    }

    /**
     * Only classes held count: a class counts as held once its first day (the date of its first session) has come on
     * the portal's clock, whatever its status says; a cancelled class never counts. Planned classes (first day still
     * ahead) are left out of every summary and counted apart ({@code ReportQueries.planned}); the day a planned class
     * begins, {@link SummaryRefresher} queues it and it enters the figures by itself.
     */
    private boolean held(ClassFacts c) {
        return c.status() != ClassStatus.CANCELLED && !c.startDate().isAfter(today().toLocalDate());
    }

    /**
     * Classes as training's read API gives them: the held ones into report_class, under the unit they are reported
     * under (the unit tree's own path); the trainers of held and planned ones into report_class_trainer.
     */
    private void insertClasses(List<ClassFacts> classes) {
        if (classes.isEmpty()) {
            return;
        }
        List<Long> unitIds = classes.stream().map(ClassFacts::unitId).distinct().toList();
        Map<Long, Object[]> places = new HashMap<>();
        jdbc.query("select u.id, u.path, m.report_path, m.province_id, m.commune_id from administrative_unit u"
                + " join report_unit_map m on m.unit_id = u.id where u.id in (" + marks(unitIds) + ")", rs -> {
            places.put(rs.getLong(1), new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getObject(5)});
        }, unitIds.toArray());
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> trainers = new ArrayList<>();
        for (ClassFacts c : classes) {
            // trainers of planned classes too: the planned count is filtered by trainer like the held figures
            c.trainerIds().forEach(t -> trainers.add(new Object[]{c.id(), t}));
            Object[] place = places.get(c.unitId());
            if (place == null) {
                continue;
            }
            if (!held(c)) {
                planned(c, place);
                continue;
            }
            Object[] row = {c.id(), c.code(), c.title(), java.sql.Date.valueOf(c.startDate()), c.organisingLevel().name(),
                    c.deliveryMode().name(), c.programme(), c.topics(), c.targetGroups(), c.budgetVnd(), c.completionShare(), c.sessions(),
                    c.trainerIds().stream().map(String::valueOf).collect(Collectors.joining(",")), place[0], place[1], place[2], place[3],
                    place[4]};
            rows.add(row);
        }
        jdbc.batchUpdate("insert into report_class_trainer (class_id, account_id) values (?, ?)", trainers);
        jdbc.batchUpdate("""
                insert into report_class (class_id, code, title, start_date, organising_level, delivery_mode, programme, topics,
                  target_groups, budget_vnd, completion_share, sessions, trainer_ids, recorded_unit_id, recorded_path, report_path,
                  province_id, commune_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /**
     * A planned class, counted apart ({@code ReportQueries.planned}): its dimensions, the persons on its roster so far
     * and their trainee levels, from training's read API. Planned classes are few, so one class at a time.
     */
    private void planned(ClassFacts c, Object[] place) {
        List<ParticipationView> roster = participations.of(c.id(), null).stream().filter(ParticipationView::enrolled).toList();
        jdbc.update("""
                insert into report_planned_class (class_id, start_date, recorded_path, report_path, organising_level, delivery_mode,
                  programme, topics, target_groups, budget_vnd, enrolments)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", c.id(), java.sql.Date.valueOf(c.startDate()), place[1], place[2],
                c.organisingLevel().name(), c.deliveryMode().name(), c.programme(), c.topics(), c.targetGroups(), c.budgetVnd(),
                roster.size());
        List<Object[]> levels = roster.stream().map(p -> p.traineeLevel() == null ? "UNKNOWN" : p.traineeLevel()).distinct()
                .map(level -> new Object[]{c.id(), level}).toList();
        jdbc.batchUpdate("insert into report_planned_level (class_id, trainee_level) values (?, ?)", levels);
    }

    /**
     * Per class and person (merged records count as the kept one), as training's {@link Participations} decides it:
     * on the roster, sessions attended, completed under the class's rule, the trainee's level as the roster recorded
     * it. Only classes in report_class (held) get rows; the class's dimensions are copied from there.
     */
    private void insertParticipations(List<ParticipationView> views, @Nullable List<Long> personRecords) {
        if (views.isEmpty()) {
            return;
        }
        List<Long> classIds = views.stream().map(ParticipationView::classId).distinct().toList();
        Map<Long, Object[]> dims = new HashMap<>();
        for (int from = 0; from < classIds.size(); from += PERSONS_PER_REFRESH) {
            List<Long> chunk = classIds.subList(from, Math.min(classIds.size(), from + PERSONS_PER_REFRESH));
            jdbc.query("select class_id, start_date, report_path, province_id, commune_id, organising_level, delivery_mode, programme,"
                    + " trainer_ids from report_class where class_id in (" + marks(chunk) + ")", rs -> {
                dims.put(rs.getLong(1), new Object[]{rs.getDate(2), rs.getString(3), rs.getLong(4), rs.getObject(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9)});
            }, chunk.toArray());
        }
        Map<List<Long>, Integer> held = certificatesOf(views, classIds, personRecords);
        List<Object[]> rows = new ArrayList<>();
        for (ParticipationView p : views) {
            Object[] d = dims.get(p.classId());
            if (d == null) {
                continue;
            }
            Object[] row = new Object[7 + d.length];
            row[0] = p.classId();
            row[1] = p.personId();
            row[2] = p.enrolled();
            row[3] = p.attendedSessions();
            row[4] = p.completed();
            row[5] = p.traineeLevel() == null ? "UNKNOWN" : p.traineeLevel();
            System.arraycopy(d, 0, row, 6, d.length);
            row[6 + d.length] = held.getOrDefault(List.of(p.classId(), p.personId()), 0);
            rows.add(row);
        }
        for (int from = 0; from < rows.size(); from += 2000) {
            jdbc.batchUpdate("""
                    insert into report_participation (class_id, person_id, enrolled, attended_sessions, completed, trainee_level,
                      start_date, report_path, province_id, commune_id, organising_level, delivery_mode, programme, trainer_ids, certificates)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows.subList(from, Math.min(rows.size(), from + 2000)));
        }
    }

    /**
     * How many certificates in force each (class, person) of these rows holds, from the reports' copy. A certificate
     * names the person record it was issued to; when that record was merged into another since, it counts for the
     * kept record the participation row is under (person's read API tells which records are one person).
     */
    private Map<List<Long>, Integer> certificatesOf(List<ParticipationView> views, List<Long> classIds, @Nullable List<Long> personRecords) {
        Map<List<Long>, Integer> held = new HashMap<>();
        Set<List<Long>> rowsHere = new java.util.HashSet<>();
        views.forEach(p -> rowsHere.add(List.of(p.classId(), p.personId())));
        List<long[]> unmatched = new ArrayList<>();
        String ofPersons = personRecords == null ? "" : " and person_id in (" + marks(personRecords) + ")";
        for (int from = 0; from < classIds.size(); from += PERSONS_PER_REFRESH) {
            List<Long> chunk = classIds.subList(from, Math.min(classIds.size(), from + PERSONS_PER_REFRESH));
            List<Object> args = new ArrayList<>(chunk);
            if (personRecords != null) {
                args.addAll(personRecords);
            }
            jdbc.query("select class_id, person_id from report_certificate where class_id in (" + marks(chunk) + ")" + ofPersons, rs -> {
                List<Long> key = List.of(rs.getLong(1), rs.getLong(2));
                if (rowsHere.contains(key)) {
                    held.merge(key, 1, Integer::sum);
                } else {
                    unmatched.add(new long[]{rs.getLong(1), rs.getLong(2)});
                }
            }, args.toArray());
        }
        if (unmatched.isEmpty()) {
            return held;
        }
        // a certificate of a record merged since into the one the row is under (rare); otherwise its row is in another
        // batch of the rebuild, or the class is not held, and it counts there or not at all
        Set<Long> unmatchedPersons = new java.util.HashSet<>();
        unmatched.forEach(c -> unmatchedPersons.add(c[1]));
        if (unmatchedPersons.containsAll(persons.recordsOfSamePersons(unmatchedPersons))) {
            return held;
        }
        for (long[] c : unmatched) {
            for (long record : persons.recordsOfSamePersons(List.of(c[1]))) {
                List<Long> key = List.of(c[0], record);
                if (record != c[1] && rowsHere.contains(key)) {
                    held.merge(key, 1, Integer::sum);
                    break;
                }
            }
        }
        return held;
    }

    /** Online enrolments as learning's read API gives them, under the unit the learner's account reports under today. */
    private void insertOnline(List<OnlineEnrolmentFacts> facts) {
        if (facts.isEmpty()) {
            return;
        }
        List<Long> unitIds = facts.stream().map(OnlineEnrolmentFacts::unitId).filter(java.util.Objects::nonNull).distinct().toList();
        Map<Long, Object[]> places = new HashMap<>();
        for (int from = 0; from < unitIds.size(); from += PERSONS_PER_REFRESH) {
            List<Long> chunk = unitIds.subList(from, Math.min(unitIds.size(), from + PERSONS_PER_REFRESH));
            jdbc.query("select unit_id, report_path, province_id, commune_id from report_unit_map where unit_id in (" + marks(chunk) + ")",
                    rs -> {
                        places.put(rs.getLong(1), new Object[]{rs.getString(2), rs.getObject(3), rs.getObject(4)});
                    }, chunk.toArray());
        }
        Object[] nowhere = {"", null, null};
        List<Object[]> rows = facts.stream().map(e -> {
            Object[] place = e.unitId() == null ? nowhere : places.getOrDefault(e.unitId(), nowhere);
            return new Object[]{e.enrolmentId(), place[0], place[1], place[2], e.traineeLevel() == null ? "UNKNOWN" : e.traineeLevel(),
                    e.programmeId(), e.topicId(), java.sql.Date.valueOf(e.enrolledOn()),
                    e.completedOn() == null ? null : java.sql.Date.valueOf(e.completedOn())};
        }).toList();
        jdbc.batchUpdate("""
                insert into report_online (enrolment_id, report_path, province_id, commune_id, trainee_level, programme_id, topic_id,
                  enrolled_on, completed_on)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    static String marks(Collection<?> values) {
        return values.stream().map(v -> "?").collect(Collectors.joining(", "));
    }

    private static Object[] args(long first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
