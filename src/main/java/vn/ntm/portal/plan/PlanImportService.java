package vn.ntm.portal.plan;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.common.Texts;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.training.OrganisingLevel;
import vn.ntm.portal.training.roster.SheetReader;
import vn.ntm.portal.unit.ImportProblem;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitSummary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans from a sheet (XLSX or CSV, the template's seven columns in order, one header row). The whole sheet is read and
 * checked first; any problem refuses it with every problem listed (line, translated message) and nothing is written.
 * A row for a unit, year and levels that already has a plan replaces its figures.
 */
@Service
public class PlanImportService {

    /** The template's columns, in the order they are read. */
    public static final List<String> HEADERS = List.of("Mã đơn vị", "Năm", "Cấp tổ chức", "Đối tượng học viên", "Số lớp",
            "Số lượt người tham gia", "Kinh phí (đồng)");

    private static final Map<String, OrganisingLevel> ORGANISING = Map.of(
            "trung uong", OrganisingLevel.CENTRAL, "cap trung uong", OrganisingLevel.CENTRAL,
            "tinh", OrganisingLevel.PROVINCE, "cap tinh", OrganisingLevel.PROVINCE,
            "huyen", OrganisingLevel.DISTRICT, "cap huyen", OrganisingLevel.DISTRICT,
            "xa", OrganisingLevel.COMMUNE, "cap xa", OrganisingLevel.COMMUNE);
    private static final Map<String, TraineeLevel> TRAINEES = Map.of(
            "can bo cap tinh", TraineeLevel.PROVINCE_OFFICIAL, "can bo cap huyen", TraineeLevel.DISTRICT_OFFICIAL,
            "can bo cap xa", TraineeLevel.COMMUNE_OFFICIAL, "can bo thon, ban", TraineeLevel.VILLAGE_OFFICIAL,
            "can bo thon", TraineeLevel.VILLAGE_OFFICIAL, "nguoi dan", TraineeLevel.RESIDENT);
    private static final Set<String> ALL_TRAINEES = Set.of("", "tat ca", "all");

    private final PlanService plans;
    private final UnitDirectory units;

    PlanImportService(PlanService plans, UnitDirectory units) {
        this.plans = plans;
        this.units = units;
    }

    /** The sheet read and checked, nothing written. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional(readOnly = true)
    public PlanImportPreview preview(byte[] content) {
        SheetReader.Sheet sheet = SheetReader.read(content);
        List<PlanImportPreview.Row> rows = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, UnitSummary> unitsByCode = new HashMap<>();
        for (SheetReader.Line line : sheet.lines()) {
            int before = problems.size();
            String code = line.cell(0);
            UnitSummary unit = code.isEmpty() ? null
                    : unitsByCode.computeIfAbsent(code, c -> units.findByCode(c).orElse(null));
            if (unit == null) {
                problems.add(ImportProblem.at(line.number(), code, "plan.import.error.unit", code));
            } else {
                try {
                    plans.managedUnit(unit.id());
                } catch (AccessDeniedException outside) {
                    problems.add(ImportProblem.at(line.number(), code, "plan.import.error.outsideScope", unit.name()));
                }
            }
            Integer year = whole(line.cell(1));
            if (year == null || year < 2000 || year > 2100) {
                problems.add(ImportProblem.at(line.number(), code, "plan.error.year"));
            }
            OrganisingLevel organising = organising(line.cell(2));
            if (organising == null) {
                problems.add(ImportProblem.at(line.number(), code, "plan.import.error.organisingLevel", line.cell(2)));
            }
            String traineeText = Texts.fold(line.cell(3));
            TraineeLevel trainee = trainee(line.cell(3));
            if (trainee == null && !ALL_TRAINEES.contains(traineeText)) {
                problems.add(ImportProblem.at(line.number(), code, "plan.import.error.traineeLevel", line.cell(3)));
            }
            Long classes = amount(line.cell(4));
            if (classes == null || classes > PlanService.MAX_CLASSES) {
                problems.add(ImportProblem.at(line.number(), code, "plan.error.classes"));
            }
            Long participations = amount(line.cell(5));
            if (participations == null || participations > PlanService.MAX_PARTICIPATIONS) {
                problems.add(ImportProblem.at(line.number(), code, "plan.error.participations"));
            }
            Long budget = line.cell(6).isEmpty() ? Long.valueOf(0) : amount(line.cell(6));
            if (budget == null || budget > PlanService.MAX_BUDGET) {
                problems.add(ImportProblem.at(line.number(), code, "plan.error.budget"));
            }
            if (problems.size() == before && unit != null && year != null && organising != null && classes != null
                    && participations != null && budget != null) {
                if (!seen.add(unit.id() + "/" + year + "/" + organising + "/" + trainee)) {
                    problems.add(ImportProblem.at(line.number(), code, "plan.import.error.repeated"));
                } else {
                    rows.add(new PlanImportPreview.Row(line.number(), unit.name(), new PlanForm(unit.id(), year, organising, trainee,
                            classes.intValue(), participations.intValue(), budget)));
                }
            }
        }
        if (sheet.lines().isEmpty()) {
            problems.add(ImportProblem.at(0, null, "roster.import.error.empty"));
        }
        return new PlanImportPreview(rows, problems);
    }

    /** Reads the sheet again and writes it, all rows or (with any problem) none. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional
    public int commit(byte[] content) {
        PlanImportPreview preview = preview(content);
        if (!preview.acceptable()) {
            throw new ValidationException("plan.import.error.refused", preview.problems().size());
        }
        return plans.store(preview.rows().stream().map(PlanImportPreview.Row::form).toList());
    }

    /** The sheet to fill in, with one example row (Khánh Hòa's provincial classes for commune officials). */
    public byte[] template() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Workbook wb = new Workbook(out, "NTM", "1.0");
            Worksheet ws = wb.newWorksheet("Kế hoạch đào tạo");
            for (int c = 0; c < HEADERS.size(); c++) {
                ws.value(0, c, HEADERS.get(c));
                ws.style(0, c).bold().fillColor("E8F5E9").set();
                ws.width(c, 22);
            }
            List<String> example = List.of("56", "2026", "Cấp tỉnh", "Cán bộ cấp xã", "12", "1200", "360000000");
            for (int c = 0; c < example.size(); c++) {
                ws.value(1, c, example.get(c));
            }
            wb.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static @Nullable OrganisingLevel organising(String text) {
        for (OrganisingLevel level : OrganisingLevel.values()) {
            if (level.name().equalsIgnoreCase(text.strip())) {
                return level;
            }
        }
        return ORGANISING.get(Texts.fold(text));
    }

    static @Nullable TraineeLevel trainee(String text) {
        for (TraineeLevel level : TraineeLevel.values()) {
            if (level.name().equalsIgnoreCase(text.strip())) {
                return level;
            }
        }
        return TRAINEES.get(Texts.fold(text));
    }

    /** A whole number as typed, with thousands separated by dots, commas or spaces; null when not one. */
    private static @Nullable Long amount(String text) {
        String digits = text.replaceAll("[\\s.,]", "");
        return digits.matches("\\d{1,18}") ? Long.valueOf(digits) : null;
    }

    private static @Nullable Integer whole(String text) {
        return text.strip().matches("\\d{4}") ? Integer.valueOf(text.strip()) : null;
    }
}
