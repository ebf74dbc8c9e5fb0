package vn.ntm.portal.reporting.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitLevel;
import vn.ntm.portal.unit.UnitSummary;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Decides, for a unit that records name, the unit its figures are reported under today (report_unit_map): the unit
 * itself while it is in force; else its successor after the 2025 merger (the lowest code when a unit was split, so
 * that every record counts exactly once); else its nearest ancestor in force. Districts, abolished in 2025, report
 * under their province.
 */
@Component
class UnitMapper {

    record Mapping(long unitId, long reportUnitId, long provinceId, @Nullable Long communeId, String reportPath) {
    }

    private final UnitDirectory units;
    private final JdbcTemplate jdbc;

    UnitMapper(UnitDirectory units, JdbcTemplate jdbc) {
        this.units = units;
        this.jdbc = jdbc;
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

    Mapping map(long unitId) {
        UnitSummary unit = units.currentUnitsFor(unitId).stream().min(Comparator.comparing(UnitSummary::code))
                .orElseThrow(() -> new IllegalStateException("No unit " + unitId));
        while ((!unit.isCurrent() || unit.level() == UnitLevel.DISTRICT) && unit.parentId() != null) {
            unit = units.findById(unit.parentId()).orElseThrow();
        }
        UnitSummary province = unit.level() == UnitLevel.PROVINCE ? unit : units.provinceOf(unit).orElse(unit);
        Long commune = unit.level() == UnitLevel.COMMUNE ? unit.id() : null;
        return new Mapping(unitId, unit.id(), province.id(), commune, unit.path());
    }
}
