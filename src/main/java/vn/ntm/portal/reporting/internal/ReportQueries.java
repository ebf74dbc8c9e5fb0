package vn.ntm.portal.reporting.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ntm.portal.account.AccountLabels;
import vn.ntm.portal.common.Texts;
import vn.ntm.portal.reporting.Breakdown;
import vn.ntm.portal.reporting.Figures;
import vn.ntm.portal.reporting.ReportFilter;
import vn.ntm.portal.reporting.ReportRow;
import vn.ntm.portal.reporting.TopicCoverage;
import vn.ntm.portal.curriculum.TopicSummary;
import vn.ntm.portal.unit.UnitLevel;
import vn.ntm.portal.unit.UnitSummary;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report queries over the summary tables. Two paths give the same numbers: the usual dashboard questions (a unit,
 * a phase / year / all time, split by year, unit, mode, trainee level or organising level) read the pre-aggregated
 * cells (the split by trainer too: a class counts in the cells of each of its trainers); anything else (other filters,
 * months, custom ranges, units as recorded) is computed from the per-class and per-person rows, distinct persons
 * counted exactly, joined to {@code report_class_trainer} (the held classes' trainers) when split or filtered by trainer.
 */
@Component
public class ReportQueries {

    private final JdbcTemplate jdbc;
    private final java.time.Clock clock;
    private final AccountLabels accountLabels;

    ReportQueries(JdbcTemplate jdbc, java.time.Clock clock, AccountLabels accountLabels) {
        this.accountLabels = accountLabels;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Classes of the filter still planned (first day after today, not cancelled), apart from the held ones: how many,
     * the persons on their rosters so far, their budget. Read from report_planned_class, kept apart from the held
     * summaries by the same refresh (planned classes are few). With a trainee level, a planned class counts when someone of that
     * level is on its roster.
     */
    public vn.ntm.portal.reporting.PlannedClasses planned(ReportFilter f, Target t) {
        Where w = classWhere(f.withTraineeLevel(null), t);
        List<Object> args = new ArrayList<>();
        args.add(Date.valueOf(LocalDate.now(clock)));
        args.addAll(List.of(w.args()));
        String levelCondition = "";
        if (f.traineeLevel() != null) {
            // the level the class's roster recorded for the trainee, as for held classes (the person's own only when the place has none)
            levelCondition = " and exists (select 1 from report_planned_level l where l.class_id = rc.class_id and l.trainee_level = ?)";
            args.add(f.traineeLevel().name());
        }
        return jdbc.query("""
                select count(*), coalesce(sum(rc.enrolments), 0), coalesce(sum(rc.budget_vnd), 0) from (
                  select * from report_planned_class where start_date > ?) rc""" + w.sql() + levelCondition,
                rs -> {
                    rs.next();
                    return new vn.ntm.portal.reporting.PlannedClasses(rs.getLong(1), rs.getLong(2), rs.getLong(3));
                }, args.toArray());
    }

    /**
     * The unit a report is about, already checked against the caller's scope: null unit for the whole country.
     * {@code scopePath} is the caller's scope (null: everything), applied to every query again.
     */
    public record Target(@Nullable UnitSummary unit, @Nullable String scopePath, @Nullable UnitSummary dissolved) {

        public Target(@Nullable UnitSummary unit, @Nullable String scopePath) {
            this(unit, scopePath, null);
        }

        @Nullable String path() {
            return unit == null ? null : unit.path();
        }

        /** The cell this unit's figures sit in, or null when it has none (a historical unit, a district). */
        @Nullable Character cellLevel() {
            if (unit == null) {
                return 'N';
            }
            if (!unit.isCurrent()) {
                return null;
            }
            return switch (unit.level()) {
                case PROVINCE -> 'P';
                case COMMUNE -> 'C';
                case DISTRICT -> null;
            };
        }

        long cellUnitId() {
            return unit == null ? 0 : unit.id();
        }
    }

    public Figures total(ReportFilter f, Target t) {
        Figures withClasses;
        if (fast(f, t)) {
            withClasses = cellTotal(f, t);
        } else {
            Figures participation = partTotal(f, t);
            Where w = classWhere(f, t);
            withClasses = jdbc.query("select count(*), coalesce(sum(rc.budget_vnd), 0) from report_class rc" + w.sql(), rs -> {
                rs.next();
                return participation.withClassLevel(rs.getLong(1), rs.getLong(2));
            }, w.args());
        }
        if (f.hasClassOnlyFilter()) {
            return withClasses.withOnline(null, null);
        }
        Where we = onlineWhere(f, t, "o.enrolled_on");
        Where wc = onlineWhere(f, t, "o.completed_on");
        long enrolments = count("select count(*) from report_online o" + we.sql(), we.args());
        long completions = count("select count(*) from report_online o" + wc.sql() + " and o.completed_on is not null", wc.args());
        return withClasses.withOnline(enrolments, completions);
    }

    /** True when the pre-aggregated cells answer this filter. */
    public boolean fast(ReportFilter f, Target t) {
        return !f.asRecorded() && !f.hasClassOnlyFilter() && f.traineeLevel() == null && periodKey(f) != null && t.cellLevel() != null;
    }

    static @Nullable String periodKey(ReportFilter f) {
        if (f.phase() != null) {
            return "P" + f.phase().firstYear();
        }
        if (f.year() != null && f.quarter() == null && f.month() == null) {
            return "Y" + f.year();
        }
        if (f.year() == null && f.from() == null && f.to() == null) {
            return "ALL";
        }
        return null;
    }

    public List<ReportRow> breakdown(ReportFilter f, Target t, Breakdown b) {
        if (b == Breakdown.UNIT && !f.asRecorded() && t.unit() != null && t.unit().level() != UnitLevel.PROVINCE) {
            return List.of();   // a commune is the bottom of the drill-down
        }
        boolean fast = fast(f, t);
        Map<String, long[]> parts = fast ? cellRows(f, t, b) : partRows(f, t, b);
        Map<String, long[]> classes = fast ? classesOfCells(parts, b) : classRows(f, t, b);
        Map<String, long[]> online = onlineRows(f, t, b);
        List<String> keys = new ArrayList<>(parts.keySet());
        classes.keySet().stream().filter(k -> !parts.containsKey(k)).forEach(keys::add);
        online.keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        Map<String, String> labels = labels(f, t, b, keys);
        List<ReportRow> rows = new ArrayList<>();
        for (String key : keys) {
            long[] p = parts.getOrDefault(key, new long[Cells.WIDTH]);
            long[] c = classes.get(key);
            long[] o = online.get(key);
            boolean classLevel = b != Breakdown.TRAINEE_LEVEL;
            boolean onlineApplies = !f.hasClassOnlyFilter() && (b == Breakdown.YEAR || b == Breakdown.UNIT || b == Breakdown.TRAINEE_LEVEL);
            Figures figures = new Figures(classLevel ? (c == null ? 0L : c[0]) : null, p[0], p[1], p[2], p[4], p[3],
                    onlineApplies ? (o == null ? 0L : o[0]) : null, onlineApplies ? (o == null ? 0L : o[1]) : null,
                    classLevel ? (c == null ? 0L : c[1]) : null, p[7]);
            Long unitId = b == Breakdown.UNIT && !"0".equals(key) ? Long.valueOf(key) : null;
            // a trainer's row is labelled with their name; the row "0" (no trainer) is translated by the screens
            rows.add(new ReportRow(key, labels.getOrDefault(key, key), figures, unitId));
        }
        Comparator<ReportRow> order = switch (b) {
            case YEAR -> Comparator.comparing(ReportRow::key);
            case UNIT -> Comparator.comparing((ReportRow r) -> !"0".equals(r.key())).thenComparing(ReportRow::label);
            case PROGRAMME -> Comparator.comparing((ReportRow r) -> -r.figures().participations()).thenComparing(ReportRow::label);
            case TRAINER -> Comparator.comparing((ReportRow r) -> NO_TRAINER.equals(r.key()))
                    .thenComparing(r -> -r.figures().participations()).thenComparing(ReportRow::label).thenComparing(ReportRow::key);
            default -> Comparator.comparing(ReportRow::key, Comparator.comparingInt(ReportQueries::enumOrder));
        };
        rows.sort(order);
        return rows;
    }

    private static final String NO_TRAINER = ReportRow.NO_TRAINER;

    private static final List<String> ENUM_ORDER = List.of("IN_PERSON", "ONLINE", "BLENDED", "CENTRAL", "PROVINCE", "DISTRICT", "COMMUNE",
            "PROVINCE_OFFICIAL", "DISTRICT_OFFICIAL", "COMMUNE_OFFICIAL", "VILLAGE_OFFICIAL", "RESIDENT", "UNKNOWN");

    private static int enumOrder(String key) {
        int i = ENUM_ORDER.indexOf(key);
        return i < 0 ? ENUM_ORDER.size() : i;
    }

    /**
     * Which topics of a framework (from the curriculum's API: id, number, title, in the framework's order) the classes of
     * the filter named. The topics are handed to the statement as a derived table, so one statement still matches
     * every topic, compared without case or diacritics (the column's collation, đ folded on both sides).
     */
    public TopicCoverage topicCoverage(ReportFilter f, Target t, long programmeId, String title, List<TopicSummary> framework) {
        if (framework.isEmpty()) {
            return new TopicCoverage(programmeId, title, List.of(), List.of());
        }
        Where w = classWhere(f, t);
        String topicRow = "select ? as id, ? as number, cast(? as char character set utf8mb4) collate utf8mb4_unicode_ci as title, ? as pos";
        String derived = String.join(" union all ", java.util.Collections.nCopies(framework.size(), topicRow));
        String sql = """
                select t.id, t.number, t.title, count(rc.class_id), coalesce(sum(rc.participations), 0)
                from (%s) t left join report_class rc on (%s like concat('%%', %s, '%%')
                   or (char_length(rc.topics) >= 6 and %s like concat('%%', %s, '%%'))) %s
                group by t.id, t.number, t.title, t.pos order by t.pos""".formatted(derived, folded("rc.topics"),
                folded("t.title"), folded("t.title"), folded("rc.topics"), w.sql().replaceFirst(" where ", " and "));
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < framework.size(); i++) {
            TopicSummary topic = framework.get(i);
            args.addAll(List.of(topic.id(), topic.number(), topic.title(), i));
        }
        args.addAll(List.of(w.args()));
        List<TopicCoverage.Topic> topics = jdbc.query(sql, (rs, i) -> new TopicCoverage.Topic(rs.getLong(1), rs.getInt(2), rs.getString(3),
                rs.getLong(4), rs.getLong(5)), args.toArray());
        return new TopicCoverage(programmeId, title, topics.stream().filter(x -> x.classes() > 0).toList(),
                topics.stream().filter(x -> x.classes() == 0).toList());
    }

    // ---- cells

    private Figures cellTotal(ReportFilter f, Target t) {
        List<long[]> v = jdbc.query("""
                select enrolments, session_attendances, participations, completions, unique_participants, classes, budget_vnd, certificates
                from report_cell where unit_level = ? and unit_id = ? and period = ? and dim = 'ALL' and dim_value = ''""",
                (rs, i) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                        rs.getLong(8)},
                String.valueOf(t.cellLevel()), t.cellUnitId(), periodKey(f));
        long[] c = v.isEmpty() ? new long[Cells.WIDTH] : v.getFirst();
        return new Figures(c[5], c[0], c[1], c[2], c[4], c[3], 0L, 0L, c[6], c[7]);
    }

    private Map<String, long[]> cellRows(ReportFilter f, Target t, Breakdown b) {
        String cols = "enrolments, session_attendances, participations, completions, unique_participants, classes, budget_vnd, certificates";
        String sql;
        List<Object> args = new ArrayList<>();
        switch (b) {
            case YEAR -> {
                sql = "select substring(period, 2), " + cols + " from report_cell where unit_level = ? and unit_id = ? and dim = 'ALL'"
                        + " and period like 'Y%'" + yearRange(f, "cast(substring(period, 2) as unsigned)", args);
                args.addAll(0, List.of(String.valueOf(t.cellLevel()), t.cellUnitId()));
            }
            case UNIT -> {
                sql = "select case when unit_level = 'O' then '0' else unit_id end, " + cols + " from report_cell where parent_unit_id = ?"
                        + " and period = ? and dim = 'ALL' and unit_level in " + (t.unit() == null ? "('P')" : "('C', 'O')");
                args.add(t.cellUnitId());
                args.add(periodKey(f));
            }
            default -> {
                String dim = switch (b) {
                    case MODE -> "MODE";
                    case TRAINEE_LEVEL -> "TLEVEL";
                    case PROGRAMME -> "PROG";
                    case TRAINER -> "TRAINER";
                    default -> "OLEVEL";
                };
                sql = "select dim_value, " + cols + " from report_cell where unit_level = ? and unit_id = ? and period = ? and dim = '"
                        + dim + "'";
                args.addAll(List.of(String.valueOf(t.cellLevel()), t.cellUnitId(), periodKey(f)));
            }
        }
        Map<String, long[]> rows = new LinkedHashMap<>();
        jdbc.query(sql + " and (enrolments > 0 or participations > 0 or classes > 0 or certificates > 0)", rs -> {
            rows.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                    rs.getLong(8), rs.getLong(9)});
        }, args.toArray());
        return rows;
    }

    /** The cells carry classes and budget too, except those by trainee level (a class has none). */
    private static Map<String, long[]> classesOfCells(Map<String, long[]> cells, Breakdown b) {
        Map<String, long[]> rows = new LinkedHashMap<>();
        if (b != Breakdown.TRAINEE_LEVEL) {
            cells.forEach((k, v) -> rows.put(k, new long[]{v[5], v[6]}));
        }
        return rows;
    }

    private static String yearRange(ReportFilter f, String expr, List<Object> args) {
        if (f.phase() != null) {
            args.add(f.phase().firstYear());
            args.add(f.phase().lastYear());
            return " and " + expr + " between ? and ?";
        }
        if (f.year() != null) {
            args.add(f.year());
            return " and " + expr + " = ?";
        }
        return "";
    }

    // ---- per-person rows

    private Figures partTotal(ReportFilter f, Target t) {
        Where w = partWhere(f, t);
        return jdbc.query("select " + PART_SUMS + " from report_participation rp" + w.join() + w.sql(), rs -> {
            rs.next();
            return new Figures(0L, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(5), rs.getLong(4), 0L, 0L, 0L, rs.getLong(6));
        }, w.args());
    }

    private static final String PART_SUMS = "coalesce(sum(rp.enrolled), 0), coalesce(sum(rp.attended_sessions), 0),"
            + " coalesce(sum(rp.attended_sessions > 0), 0), coalesce(sum(rp.completed), 0),"
            + " count(distinct case when rp.attended_sessions > 0 then rp.person_id end), coalesce(sum(rp.certificates), 0)";

    private Map<String, long[]> partRows(ReportFilter f, Target t, Breakdown b) {
        Where w = partWhere(f, t);
        String join = w.join();
        String group = switch (b) {
            case YEAR -> "year(rp.start_date)";
            case UNIT -> f.asRecorded() ? "rc.recorded_unit_id" : t.unit() == null ? "rp.province_id" : "coalesce(rp.commune_id, 0)";
            case MODE -> "rp.delivery_mode";
            case TRAINEE_LEVEL -> "rp.trainee_level";
            case ORGANISING_LEVEL -> "rp.organising_level";
            case PROGRAMME -> "coalesce(rc.programme, '') collate utf8mb4_bin";
            case TRAINER -> "coalesce(ct.account_id, " + NO_TRAINER + ")";
        };
        if ((b == Breakdown.PROGRAMME || (b == Breakdown.UNIT && f.asRecorded())) && join.isEmpty()) {
            join = " join report_class rc on rc.class_id = rp.class_id";
        }
        if (b == Breakdown.TRAINER) {
            // one row per class, person and trainer: a class with two trainers counts in both rows, on purpose
            join += " left join report_class_trainer ct on ct.class_id = rp.class_id";
        }
        Map<String, long[]> rows = new LinkedHashMap<>();
        jdbc.query("select " + group + ", " + PART_SUMS + " from report_participation rp" + join + w.sql() + " group by 1", rs -> {
            // laid out as the cells' rows: classes and budget (5, 6) come from the class rows
            rows.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), 0, 0, rs.getLong(7)});
        }, w.args());
        return rows;
    }

    private Map<String, long[]> classRows(ReportFilter f, Target t, Breakdown b) {
        String group = switch (b) {
            case YEAR -> "year(rc.start_date)";
            case UNIT -> f.asRecorded() ? "rc.recorded_unit_id" : t.unit() == null ? "rc.province_id" : "coalesce(rc.commune_id, 0)";
            case MODE -> "rc.delivery_mode";
            case TRAINEE_LEVEL -> null;
            case ORGANISING_LEVEL -> "rc.organising_level";
            case PROGRAMME -> "coalesce(rc.programme, '') collate utf8mb4_bin";
            case TRAINER -> "coalesce(ct.account_id, " + NO_TRAINER + ")";
        };
        Map<String, long[]> rows = new LinkedHashMap<>();
        if (group == null) {
            return rows;
        }
        Where w = classWhere(f, t);
        String join = b == Breakdown.TRAINER ? " left join report_class_trainer ct on ct.class_id = rc.class_id" : "";
        jdbc.query("select " + group + ", count(*), coalesce(sum(rc.budget_vnd), 0) from report_class rc" + join + w.sql() + " group by 1",
                rs -> {
                    rows.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3)});
                }, w.args());
        return rows;
    }

    private Map<String, long[]> onlineRows(ReportFilter f, Target t, Breakdown b) {
        Map<String, long[]> rows = new HashMap<>();
        if (f.hasClassOnlyFilter()) {
            return rows;
        }
        for (int i = 0; i < 2; i++) {
            String date = i == 0 ? "o.enrolled_on" : "o.completed_on";
            String group = switch (b) {
                case YEAR -> "year(" + date + ")";
                case UNIT -> t.unit() == null ? "o.province_id" : "coalesce(o.commune_id, 0)";
                case TRAINEE_LEVEL -> "o.trainee_level";
                default -> null;
            };
            if (group == null || f.asRecorded()) {
                return rows;
            }
            Where w = onlineWhere(f, t, date);
            int index = i;
            jdbc.query("select " + group + ", count(*) from report_online o" + w.sql() + " and " + date + " is not null"
                    + (b == Breakdown.UNIT ? " and o.province_id is not null" : "") + " group by 1", rs -> {
                rows.computeIfAbsent(rs.getString(1), k -> new long[2])[index] = rs.getLong(2);
            }, w.args());
        }
        return rows;
    }

    private Map<String, String> labels(ReportFilter f, Target t, Breakdown b, List<String> keys) {
        Map<String, String> labels = new HashMap<>();
        if (b == Breakdown.UNIT) {
            List<Long> ids = keys.stream().filter(k -> !"0".equals(k)).map(Long::valueOf).toList();
            if (!ids.isEmpty()) {
                jdbc.query("select id, name from administrative_unit where id in (" + SummaryMaintainer.marks(ids) + ")",
                        rs -> {
                            labels.put(rs.getString(1), rs.getString(2));
                        }, ids.toArray());
            }
            if (t.unit() != null) {
                labels.put("0", t.unit().name());
            }
        }
        if (b == Breakdown.TRAINER) {
            List<Long> ids = keys.stream().filter(k -> !NO_TRAINER.equals(k)).map(Long::valueOf).toList();
            if (!ids.isEmpty()) {
                accountLabels.namesOf(ids).forEach((id, name) -> labels.put(String.valueOf(id), name));
            }
        }
        return labels;
    }

    // ---- conditions

    /** A piece of SQL after the table: an optional join, the where clause and its arguments. */
    record Where(String join, String sql, Object[] args) {
    }

    private static final class Builder {
        final StringBuilder sql = new StringBuilder(" where 1 = 1");
        final List<Object> args = new ArrayList<>();

        Builder and(String condition, Object... values) {
            sql.append(" and ").append(condition);
            args.addAll(List.of(values));
            return this;
        }

        Where build(String join) {
            return new Where(join, sql.toString(), args.toArray());
        }
    }

    private static void period(Builder w, ReportFilter f, String column) {
        LocalDate from = f.periodStart();
        LocalDate to = f.periodEnd();
        if (from != null) {
            w.and(column + " >= ?", Date.valueOf(from));
        }
        if (to != null) {
            w.and(column + " <= ?", Date.valueOf(to));
        }
    }

    private static void place(Builder w, ReportFilter f, Target t, String reportPath, String recordedPath) {
        if (t.scopePath() != null) {
            w.and(reportPath + " like ?", t.scopePath() + "%");
        }
        if (t.path() != null) {
            w.and((f.asRecorded() ? recordedPath : reportPath) + " like ?", t.path() + "%");
        }
    }

    Where classWhere(ReportFilter f, Target t) {
        Builder w = new Builder();
        period(w, f, "rc.start_date");
        place(w, f, t, "rc.report_path", "rc.recorded_path");
        classConditions(w, f);
        if (f.traineeLevel() != null) {
            // a class "of" a level: someone of that level took part (attended at least one session), not merely enrolled
            w.and("exists (select 1 from report_participation x where x.class_id = rc.class_id and x.trainee_level = ?"
                    + " and x.attended_sessions > 0)", f.traineeLevel().name());
        }
        return w.build("");
    }

    private static void classConditions(Builder w, ReportFilter f) {
        if (f.organisingLevel() != null) {
            w.and("rc.organising_level = ?", f.organisingLevel().name());
        }
        if (f.mode() != null) {
            w.and("rc.delivery_mode = ?", f.mode().name());
        }
        if (present(f.programme())) {
            w.and("coalesce(rc.programme, '') = ?", f.programme().strip());
        }
        if (present(f.targetGroup())) {
            w.and(folded("rc.target_groups") + " like ?", containing(f.targetGroup()));
        }
        if (present(f.topic())) {
            w.and(folded("rc.topics") + " like ?", containing(f.topic()));
        }
        if (f.trainerId() != null) {
            // the trainer's classes first (an index on report_class_trainer.account_id), not a probe per class of the period
            w.and("rc.class_id in (select ct.class_id from report_class_trainer ct where ct.account_id = ?)", f.trainerId());
        }
    }

    Where partWhere(ReportFilter f, Target t) {
        Builder w = new Builder();
        boolean join = f.asRecorded() || present(f.programme()) || present(f.targetGroup()) || present(f.topic()) || f.trainerId() != null;
        period(w, f, "rp.start_date");
        if (join) {
            place(w, f, t, "rc.report_path", "rc.recorded_path");
            classConditions(w, f);
        } else {
            place(w, f, t, "rp.report_path", "rp.report_path");
            if (f.organisingLevel() != null) {
                w.and("rp.organising_level = ?", f.organisingLevel().name());
            }
            if (f.mode() != null) {
                w.and("rp.delivery_mode = ?", f.mode().name());
            }
        }
        if (f.traineeLevel() != null) {
            w.and("rp.trainee_level = ?", f.traineeLevel().name());
        }
        return w.build(join ? " join report_class rc on rc.class_id = rp.class_id" : "");
    }

    private static Where onlineWhere(ReportFilter f, Target t, String dateColumn) {
        Builder w = new Builder();
        period(w, f, dateColumn);
        if (t.scopePath() != null) {
            w.and("o.report_path like ?", t.scopePath() + "%");
        }
        if (t.path() != null) {
            w.and("o.report_path like ?", t.path() + "%");
        }
        if (f.traineeLevel() != null) {
            w.and("o.trainee_level = ?", f.traineeLevel().name());
        }
        return w.build("");
    }

    /**
     * The column compared without case or diacritics: the column's collation (utf8mb4_unicode_ci) already ignores
     * both, except for đ, a letter of its own there, so "chuyen doi so" would miss "Chuyển đổi số". REPLACE matches
     * exactly, so both cases of đ are spelled out.
     */
    static String folded(String column) {
        return "replace(replace(" + column + ", 'đ', 'd'), 'Đ', 'd')";
    }

    /** A LIKE pattern for "contains what was typed", the typed wildcards taken literally, đ folded as in {@link #folded}. */
    static String containing(String typed) {
        String text = Texts.clean(typed);
        String plain = (text == null ? "" : text).replace('đ', 'd').replace('Đ', 'd');
        return "%" + plain.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    // ---- choices for the filters

    public record Trainer(long id, String name, @Nullable String unitName) {
    }

    /**
     * Trainers of at least one class reported within the scope (null: everywhere), whose name contains {@code search}
     * (without case or diacritics), by name; a page of them for a combo box.
     */
    public List<Trainer> trainers(@Nullable String scopePath, String search, int offset, int limit) {
        List<Long> taught = scopePath == null
                ? jdbc.queryForList("select distinct ct.account_id from report_class_trainer ct join report_class rc on rc.class_id = ct.class_id",
                        Long.class)
                : jdbc.queryForList("select distinct ct.account_id from report_class_trainer ct join report_class rc on rc.class_id = ct.class_id"
                        + " where rc.report_path like ?", Long.class, scopePath + "%");
        // the names, the search and the page from the account module
        return accountLabels.namesAmong(taught, present(search) ? search : null, offset, limit).stream()
                .map(a -> new Trainer(a.id(), a.fullName(), a.unitName())).toList();
    }

    /** The programmes classes recorded within the scope (null: everywhere), as they recorded them, most used first. */
    public List<String> recordedProgrammes(@Nullable String scopePath, @Nullable Long trainerId, int limit) {
        Builder w = new Builder();
        w.and("rc.programme is not null and rc.programme <> ''");
        if (scopePath != null) {
            w.and("rc.report_path like ?", scopePath + "%");
        }
        if (trainerId != null) {
            w.and("rc.class_id in (select ct.class_id from report_class_trainer ct where ct.account_id = ?)", trainerId);
        }
        Where where = w.build("");
        List<Object> args = new ArrayList<>(List.of(where.args()));
        args.add(limit);
        return jdbc.query("select rc.programme from report_class rc" + where.sql()
                + " group by rc.programme order by count(*) desc, rc.programme limit ?", (rs, i) -> rs.getString(1), args.toArray());
    }

    /** Units in code order, a page at a time, with their parent's code and their successors' codes. */
    public vn.ntm.portal.reporting.UnitListing units(int page, int size) {
        long total = count("select count(*) from administrative_unit", new Object[0]);
        List<vn.ntm.portal.reporting.UnitListing.Unit> list = jdbc.query("""
                select u.code, u.name, u.level, p.code, u.valid_from, u.valid_to,
                  (select group_concat(su.code order by su.code) from unit_successor s join administrative_unit su on su.id = s.successor_id
                   where s.unit_id = u.id)
                from administrative_unit u left join administrative_unit p on p.id = u.parent_id
                order by u.code limit ? offset ?""", (rs, i) -> {
            String successors = rs.getString(7);
            Date from = rs.getDate(5);
            Date to = rs.getDate(6);
            return new vn.ntm.portal.reporting.UnitListing.Unit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    successors == null || successors.isEmpty() ? List.of() : List.of(successors.split(",")),
                    from == null ? null : from.toLocalDate(), to == null ? null : to.toLocalDate());
        }, size, (long) page * size);
        return new vn.ntm.portal.reporting.UnitListing(page, size, total, list);
    }

    private long count(String sql, Object[] args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private static boolean present(@Nullable String s) {
        return s != null && !s.isBlank();
    }
}
