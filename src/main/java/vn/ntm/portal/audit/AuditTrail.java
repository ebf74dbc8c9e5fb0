package vn.ntm.portal.audit;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.security.CurrentUser;
import vn.ntm.portal.security.PortalUser;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records changes and reads them back within the reader's scope. Recording joins the caller's transaction
 * ({@link Propagation#MANDATORY}): an audit entry exists exactly when its change was committed.
 */
@Service
public class AuditTrail {

    /** Who is named when nobody is signed in: a trainee checking in by phone on the plain check-in page. */
    public static final String SELF_SERVICE = "self-service";

    /** Who is named for what the portal did by itself, on no one's request (a certificate issued on completion). */
    public static final String SYSTEM = "system";

    private static final int MAX_VALUE = 2000;

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ZoneId zone;

    AuditTrail(JdbcTemplate jdbc, CurrentUser currentUser, Clock clock, @Value("${portal.zone:Asia/Ho_Chi_Minh}") String zone) {
        this.zone = ZoneId.of(zone);
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The portal's time zone (portal.zone), in which the trail's times are shown. */
    public ZoneId zone() {
        return zone;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditedChange change) {
        recordAll(List.of(change));
    }

    /** Records many changes at once (an imported roster, "all present"), in batches. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<AuditedChange> changes) {
        write(changes, currentUser.get().orElse(null), SELF_SERVICE);
    }

    /** Records changes the portal made by itself (from a listener), named as {@link #SYSTEM} whoever else is signed in. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAllBySystem(List<AuditedChange> changes) {
        write(changes, null, SYSTEM);
    }

    private void write(List<AuditedChange> changes, @Nullable PortalUser actor, String anonymousName) {
        Timestamp at = Timestamp.from(clock.instant());
        for (AuditedChange change : changes) {
            if (change.changesNothing()) {
                continue;
            }
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.update(connection -> {
                PreparedStatement insert = connection.prepareStatement("""
                        insert into audit_change (at, actor_id, actor_name, subject_type, subject_id, subject_label, unit_path, action)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS);
                insert.setTimestamp(1, at);
                insert.setObject(2, actor == null ? null : actor.accountId());
                insert.setString(3, actor == null ? anonymousName : clip(actor.getUsername() + " (" + actor.fullName() + ")", 200));
                insert.setString(4, change.subject().name());
                insert.setLong(5, change.subjectId());
                insert.setString(6, clip(change.subjectLabel(), 300));
                insert.setString(7, change.unitPath());
                insert.setString(8, change.action().name());
                return insert;
            }, key);
            long changeId = key.getKey().longValue();
            List<AuditedChange.FieldChange> fields = change.fields();
            List<Object[]> rows = new ArrayList<>(fields.size());
            for (int i = 0; i < fields.size(); i++) {
                AuditedChange.FieldChange f = fields.get(i);
                rows.add(new Object[]{changeId, i, f.field(), clip(f.oldValue(), MAX_VALUE), clip(f.newValue(), MAX_VALUE)});
            }
            if (!rows.isEmpty()) {
                jdbc.batchUpdate("insert into audit_change_field (change_id, position, field, old_value, new_value) values (?, ?, ?, ?, ?)", rows);
            }
        }
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional(readOnly = true)
    public List<AuditEntry> find(AuditQuery query, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(query, args);
        args.add(Math.max(limit, 1));
        args.add(Math.max(offset, 0));
        Map<Long, AuditEntry> entries = new LinkedHashMap<>();
        jdbc.query("select id, at, actor_name, subject_type, subject_id, subject_label, unit_path, action from audit_change c"
                + where + " order by at desc, id desc limit ? offset ?", rs -> {
            long id = rs.getLong(1);
            entries.put(id, new AuditEntry(id, rs.getTimestamp(2).toInstant(), rs.getString(3), AuditSubject.valueOf(rs.getString(4)),
                    rs.getLong(5), rs.getString(6), rs.getString(7), AuditAction.valueOf(rs.getString(8)), new ArrayList<>()));
        }, args.toArray());
        if (!entries.isEmpty()) {
            String ids = String.join(",", entries.keySet().stream().map(String::valueOf).toList());
            jdbc.query("select change_id, field, old_value, new_value from audit_change_field where change_id in (" + ids
                    + ") order by change_id, position", rs -> {
                entries.get(rs.getLong(1)).fields().add(new AuditedChange.FieldChange(rs.getString(2), rs.getString(3), rs.getString(4)));
            });
        }
        return List.copyOf(entries.values());
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional(readOnly = true)
    public long count(AuditQuery query) {
        List<Object> args = new ArrayList<>();
        Long count = jdbc.queryForObject("select count(*) from audit_change c" + where(query, args), Long.class, args.toArray());
        return count == null ? 0 : count;
    }

    /** The scope is part of every query: a coordinator reads the entries of their unit and below, nothing else. */
    private String where(AuditQuery query, List<Object> args) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        String scope = currentUser.require().scopePath();
        if (scope != null) {
            where.append(" and c.unit_path like ?");
            args.add(escapeLike(scope) + "%");
        }
        if (query.subject() != null) {
            where.append(" and c.subject_type = ?");
            args.add(query.subject().name());
        }
        if (query.text() != null && !query.text().isBlank()) {
            where.append(" and (c.subject_label like ? or c.actor_name like ?)");
            String like = "%" + escapeLike(query.text().strip()) + "%";
            args.add(like);
            args.add(like);
        }
        if (query.from() != null) {
            where.append(" and c.at >= ?");
            args.add(Timestamp.from(query.from().atStartOfDay(zone).toInstant()));
        }
        if (query.to() != null) {
            where.append(" and c.at < ?");
            args.add(Timestamp.from(query.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        return where.toString();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static @Nullable String clip(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
