package vn.ntm.portal.reporting.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, for a unit that records name, the unit its figures are reported under today (report_unit_map). Followed
 * step by step up the tree and along the successors of the 2025 merger:
 * <ul>
 *   <li>a commune or province in force reports under itself;</li>
 *   <li>a dissolved unit with successors reports where its successor reports (the lowest code when it was split, so
 *       that every record counts exactly once);</li>
 *   <li>a dissolved unit without a successor of its own reports where its parent reports: a district (districts were
 *       abolished in 2025) under its province's successor, a commune of a dissolved district under the district's.</li>
 * </ul>
 * The units are read by plain SQL (ids, codes, parents, successors), never through lazily loaded entities, so the
 * incremental refresh and the rebuild map every unit identically. "In force" is judged on the portal's clock.
 */
@Component
public class UnitMapper {

    record Mapping(long unitId, long reportUnitId, long provinceId, @Nullable Long communeId, String reportPath) {
    }

    /** One unit as the mapping needs it. */
    record Node(long id, String code, String level, @Nullable Long parentId, String path, @Nullable LocalDate validTo,
                List<Long> successorIds) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    UnitMapper(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Writes the mapping of a unit unless it is there already. */
    void ensure(long unitId) {
        Integer n = jdbc.queryForObject("select count(*) from report_unit_map where unit_id = ?", Integer.class, unitId);
        if (n == null || n == 0) {
            write(List.of(map(unitId)));
        }
    }

    void write(Collection<Mapping> mappings) {
        jdbc.batchUpdate("""
                insert into report_unit_map (unit_id, report_unit_id, province_id, commune_id, report_path) values (?, ?, ?, ?, ?)
                on duplicate key update report_unit_id = values(report_unit_id), province_id = values(province_id),
                  commune_id = values(commune_id), report_path = values(report_path)""",
                mappings.stream().map(m -> new Object[]{m.unitId(), m.reportUnitId(), m.provinceId(), m.communeId(), m.reportPath()})
                        .toList());
    }

    /** The mapping of one unit, reading only the units on its way. */
    Mapping map(long unitId) {
        return map(unitId, new Units(null));
    }

    /** The mappings of many units, all units read once (the rebuild). */
    List<Mapping> mapAll(Collection<Long> unitIds) {
        Units all = new Units(loadAll());
        return unitIds.stream().map(id -> map(id, all)).toList();
    }

    /** The id of the unit in force that the records of this unit are reported under today. */
    public long reportedUnitId(long unitId) {
        return map(unitId).reportUnitId();
    }

    private Mapping map(long unitId, Units units) {
        Node unit = units.get(unitId);
        if (unit == null) {
            throw new IllegalStateException("No unit " + unitId);
        }
        Node reported = reportedUnder(unit, units, new HashSet<>());
        String provinceCode = reported.path().split("/")[1];
        Node province = reported.code().equals(provinceCode) ? reported : units.byCode(provinceCode);
        Long commune = "COMMUNE".equals(reported.level()) ? reported.id() : null;
        return new Mapping(unitId, reported.id(), province == null ? reported.id() : province.id(), commune, reported.path());
    }

    private Node reportedUnder(Node unit, Units units, Set<Long> seen) {
        if (!seen.add(unit.id())) {
            return unit;    // a loop in the successors: stop where it closes
        }
        boolean inForce = unit.validTo() == null || !unit.validTo().isBefore(LocalDate.now(clock));
        if (inForce && !"DISTRICT".equals(unit.level())) {
            return unit;
        }
        if (!unit.successorIds().isEmpty()) {
            Node first = unit.successorIds().stream().map(units::get).min(java.util.Comparator.comparing(Node::code)).orElseThrow();
            return reportedUnder(first, units, seen);
        }
        if (unit.parentId() != null) {
            return reportedUnder(units.get(unit.parentId()), units, seen);
        }
        return unit;
    }

    private static final String NODE_COLUMNS = "u.id, u.code, u.level, u.parent_id, u.path, u.valid_to, "
            + "(select group_concat(s.successor_id) from unit_successor s where s.unit_id = u.id)";

    private Node node(java.sql.ResultSet rs) throws java.sql.SQLException {
        long parent = rs.getLong(4);
        Long parentId = rs.wasNull() ? null : parent;
        java.sql.Date validTo = rs.getDate(6);
        String successors = rs.getString(7);
        List<Long> successorIds = new ArrayList<>();
        if (successors != null && !successors.isEmpty()) {
            for (String s : successors.split(",")) {
                successorIds.add(Long.valueOf(s));
            }
        }
        return new Node(rs.getLong(1), rs.getString(2), rs.getString(3), parentId, rs.getString(5),
                validTo == null ? null : validTo.toLocalDate(), successorIds);
    }

    private Map<Long, Node> loadAll() {
        Map<Long, Node> all = new HashMap<>();
        jdbc.query("select " + NODE_COLUMNS + " from administrative_unit u", rs -> {
            Node n = node(rs);
            all.put(n.id(), n);
        });
        return all;
    }

    /** Units by id and code: all of them preloaded, or read one at a time as the mapping walks. */
    private final class Units {
        private final Map<Long, Node> byId;
        private final @Nullable Map<String, Node> byCode;

        Units(@Nullable Map<Long, Node> preloaded) {
            this.byId = preloaded == null ? new HashMap<>() : preloaded;
            this.byCode = preloaded == null ? null : new HashMap<>();
            if (preloaded != null) {
                preloaded.values().forEach(n -> byCode.put(n.code(), n));
            }
        }

        @Nullable Node get(long id) {
            return byId.computeIfAbsent(id, k -> jdbc.query("select " + NODE_COLUMNS + " from administrative_unit u where u.id = ?",
                    rs -> rs.next() ? node(rs) : null, k));
        }

        @Nullable Node byCode(String code) {
            if (byCode != null) {
                return byCode.get(code);
            }
            return jdbc.query("select " + NODE_COLUMNS + " from administrative_unit u where u.code = ?", rs -> rs.next() ? node(rs) : null, code);
        }
    }
}
