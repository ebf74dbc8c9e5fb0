package vn.ntm.portal.unit;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.unit.domain.AdministrativeUnit;
import vn.ntm.portal.unit.domain.UnitRepository;
import vn.ntm.portal.unit.importer.ParsedFile;
import vn.ntm.portal.unit.importer.UnitFileReader;
import vn.ntm.portal.unit.importer.UnitFileValidator;
import vn.ntm.portal.unit.importer.UnitRecord;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports administrative units from the official JSON list or a CSV. All or nothing: a file with any
 * problem stores nothing; a file imported again changes nothing; a changed file updates units in place.
 */
@Service
public class UnitImportService {

    private final UnitRepository units;
    private final ApplicationEventPublisher events;

    UnitImportService(UnitRepository units, ApplicationEventPublisher events) {
        this.units = units;
        this.events = events;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public ImportReport importFile(String fileName, byte[] content, ImportProgress progress) {
        ParsedFile parsed = UnitFileReader.read(content);
        if (!parsed.problems().isEmpty()) {
            return ImportReport.refused(parsed.problems());
        }
        Map<String, AdministrativeUnit> stored = new HashMap<>();
        units.findAllWithLinks().forEach(u -> stored.put(u.getCode(), u));
        UnitFileValidator.Result checked = UnitFileValidator.validate(parsed.records(), stored::containsKey);
        if (!checked.problems().isEmpty()) {
            return ImportReport.refused(checked.problems());
        }
        ImportReport report = write(checked.ordered(), stored, progress);
        events.publishEvent(new UnitsImported(fileName, report.created(), report.updated(), report.unchanged()));
        return report;
    }

    private ImportReport write(List<UnitRecord> records, Map<String, AdministrativeUnit> stored, ImportProgress progress) {
        int total = records.size();
        Set<String> createdCodes = new HashSet<>();
        Set<String> changedCodes = new HashSet<>();
        for (int i = 0; i < total; i++) {
            UnitRecord r = records.get(i);
            AdministrativeUnit unit = stored.get(r.code());
            if (unit == null) {
                unit = new AdministrativeUnit(r.code());
                createdCodes.add(r.code());
            }
            AdministrativeUnit parent = r.parentCode() == null ? null : stored.get(r.parentCode());
            if (unit.update(r.name(), r.nameEn(), r.kind(), parent, r.validFrom(), r.validTo())) {
                changedCodes.add(r.code());
            }
            if (createdCodes.contains(r.code())) {
                stored.put(r.code(), units.save(unit));
            }
            if (i % 200 == 0 || i == total - 1) {
                progress.update(i + 1, total);
            }
        }
        for (UnitRecord r : records) {
            Set<AdministrativeUnit> successors = new LinkedHashSet<>();
            r.successorCodes().forEach(code -> successors.add(stored.get(code)));
            if (stored.get(r.code()).replaceSuccessors(successors)) {
                changedCodes.add(r.code());
            }
        }
        changedCodes.removeAll(createdCodes);
        int created = createdCodes.size();
        int updated = changedCodes.size();
        return new ImportReport(total, created, updated, total - created - updated, List.of());
    }
}
