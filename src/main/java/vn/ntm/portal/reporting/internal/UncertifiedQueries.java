package vn.ntm.portal.reporting.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Who completed a held class and holds no certificate in force for it, from the reports' own rows: completion as
 * training's read API decided it (report_participation), certificates as certificate's events and read API told
 * (report_certificate, counted on the row). No other module's table; the unit names from the unit tree.
 */
@Component
public class UncertifiedQueries {

    /** One completer without a certificate: the class's facts as the reports keep them, the person by id only. */
    public record Line(long classId, String classCode, String classTitle, LocalDate startDate, long recordedUnitId, long personId,
                       int attendedSessions, int sessions) {
    }

    /**
     * Which lines: within the scope (report path prefix; null: everywhere), of a year of the class's first day, of a
     * programme as classes record it, of a trainer's classes (null: any).
     */
    public record Criteria(@Nullable String scopePath, @Nullable Integer year, @Nullable String programme, @Nullable Long trainerId) {
    }

    private final JdbcTemplate jdbc;

    UncertifiedQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long count(Criteria c) {
        List<Object> args = new ArrayList<>();
        Long n = jdbc.queryForObject("select count(*)" + from(c, args), Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    public List<Line> page(Criteria c, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String sql = SELECT + from(c, args) + ORDER + " limit ? offset ?";
        args.add(limit);
        args.add(offset);
        return jdbc.query(sql, (rs, i) -> line(rs), args.toArray());
    }

    /** Every line, in the list's order, streamed (an export). */
    public void all(Criteria c, Consumer<Line> sink) {
        List<Object> args = new ArrayList<>();
        jdbc.query(SELECT + from(c, args) + ORDER, rs -> {
            sink.accept(line(rs));
        }, args.toArray());
    }

    /** Names of units by id (the unit tree, as the reports label their rows). */
    public java.util.Map<Long, String> unitNames(java.util.Collection<Long> ids) {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query("select id, name from administrative_unit where id in (" + SummaryMaintainer.marks(ids) + ")",
                    rs -> {
                        names.put(rs.getLong(1), rs.getString(2));
                    }, ids.toArray());
        }
        return names;
    }

    private static final String SELECT = "select rc.class_id, rc.code, rc.title, rc.start_date, rc.recorded_unit_id, rp.person_id,"
            + " rp.attended_sessions, rc.sessions";
    private static final String ORDER = " order by rp.start_date desc, rc.code, rp.person_id";

    private static String from(Criteria c, List<Object> args) {
        StringBuilder sql = new StringBuilder(" from report_participation rp join report_class rc on rc.class_id = rp.class_id"
                + " where rp.completed and rp.certificates = 0");
        if (c.scopePath() != null) {
            // the row's copy of the class's report path: the index on (report_path, start_date) of the rows serves it
            sql.append(" and rp.report_path like ?");
            args.add(c.scopePath() + "%");
        }
        if (c.year() != null) {
            sql.append(" and rp.start_date between ? and ?");
            args.add(Date.valueOf(LocalDate.of(c.year(), 1, 1)));
            args.add(Date.valueOf(LocalDate.of(c.year(), 12, 31)));
        }
        if (c.programme() != null && !c.programme().isBlank()) {
            sql.append(" and coalesce(rc.programme, '') = ?");
            args.add(c.programme().strip());
        }
        if (c.trainerId() != null) {
            sql.append(" and rc.class_id in (select ct.class_id from report_class_trainer ct where ct.account_id = ?)");
            args.add(c.trainerId());
        }
        return sql.toString();
    }

    private static Line line(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Line(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(), rs.getLong(5), rs.getLong(6),
                rs.getInt(7), rs.getInt(8));
    }
}
