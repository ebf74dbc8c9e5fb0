package vn.ntm.portal.unit;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.security.CurrentUser;
import vn.ntm.portal.unit.domain.AdministrativeUnit;
import vn.ntm.portal.unit.domain.UnitRepository;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads administrative units. Lists are limited to the caller's scope; single look-ups are public facts. */
@Service
@Transactional(readOnly = true)
public class UnitDirectory {

    private final UnitRepository units;
    private final CurrentUser currentUser;

    UnitDirectory(UnitRepository units, CurrentUser currentUser) {
        this.units = units;
        this.currentUser = currentUser;
    }

    public Optional<UnitSummary> findById(long id) {
        return units.findById(id).map(AdministrativeUnit::toSummary);
    }

    public Optional<UnitSummary> findByCode(String code) {
        return units.findByCode(code).map(AdministrativeUnit::toSummary);
    }

    /** Current provinces and communes: what a person registering picks from. */
    public List<UnitSummary> currentProvinces() {
        return units.search(null, UnitLevel.PROVINCE, "", PageRequest.of(0, 200, Sort.unsorted())).stream()
                .map(AdministrativeUnit::toSummary).filter(UnitSummary::isCurrent).toList();
    }

    public List<UnitSummary> currentCommunesOf(long provinceId) {
        return units.findById(provinceId)
                .map(p -> units.search(p.getPath(), UnitLevel.COMMUNE, "", PageRequest.of(0, 2000)).stream()
                        .map(AdministrativeUnit::toSummary).filter(UnitSummary::isCurrent).toList())
                .orElse(List.of());
    }

    /**
     * Units of the caller's scope no longer in force (districts abolished and communes merged in 2025), in tree
     * order: the names old records use, which the official list of today no longer has.
     */
    public List<UnitSummary> dissolved() {
        String scope = currentUser.require().scopePath();
        return units.search(scope, null, "", PageRequest.of(0, 50_000)).stream().map(AdministrativeUnit::toSummary)
                .filter(u -> !u.isCurrent()).toList();
    }

    /** Units within the caller's scope, filtered by level and by a piece of name or code, in tree order. */
    public List<UnitSummary> search(@Nullable UnitLevel level, String text, int offset, int limit) {
        String scope = currentUser.require().scopePath();
        return units.search(scope, level, text.strip(), PageRequest.of(offset / Math.max(limit, 1), Math.max(limit, 1)))
                .stream().map(AdministrativeUnit::toSummary).toList();
    }

    public long count(@Nullable UnitLevel level, String text) {
        return units.countSearch(currentUser.require().scopePath(), level, text.strip());
    }

    /** Units in force today within the caller's scope, by level. */
    public long countCurrent(UnitLevel level) {
        return units.countCurrent(level, currentUser.require().scopePath());
    }

    public List<UnitSummary> successorsOf(long unitId) {
        return units.findById(unitId).map(u -> u.getSuccessors().stream().map(AdministrativeUnit::toSummary).toList())
                .orElse(List.of());
    }

    /**
     * The units in force today that a unit's records are reported under: the unit itself while it is in
     * force, otherwise its successors, followed through every later merger.
     */
    public Set<UnitSummary> currentUnitsFor(long unitId) {
        Set<UnitSummary> result = new LinkedHashSet<>();
        Set<Long> seen = new HashSet<>();
        Deque<AdministrativeUnit> pending = new ArrayDeque<>();
        units.findById(unitId).ifPresent(pending::add);
        while (!pending.isEmpty()) {
            AdministrativeUnit unit = pending.poll();
            if (!seen.add(unit.getId())) {
                continue;
            }
            UnitSummary summary = unit.toSummary();
            if (summary.isCurrent() || unit.getSuccessors().isEmpty()) {
                result.add(summary);
            } else {
                pending.addAll(unit.getSuccessors());
            }
        }
        return result;
    }

    /** The province of a unit: the first code on its path. */
    public Optional<UnitSummary> provinceOf(UnitSummary unit) {
        String provinceCode = unit.path().split("/")[1];
        return findByCode(provinceCode);
    }
}
