package vn.ntm.portal.reporting.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.reporting.Breakdown;
import vn.ntm.portal.reporting.Phase;
import vn.ntm.portal.reporting.PlanVsActual;
import vn.ntm.portal.reporting.ReportFilter;
import vn.ntm.portal.reporting.ReportService;
import vn.ntm.portal.reporting.ReportSummary;
import vn.ntm.portal.reporting.UnitListing;
import vn.ntm.portal.training.DeliveryMode;
import vn.ntm.portal.training.OrganisingLevel;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The report for scripts and provincial systems: the same filters and numbers as the dashboard, as JSON, within
 * the scope of the HTTP Basic account (a coordinator asking for a unit outside their own gets 403).
 */
@RestController
@Tag(name = "Reports", description = "Training figures by period, unit and breakdown")
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
class ReportApiController {

    private final ReportService reports;

    ReportApiController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/reports/summary")
    @Operation(summary = "Figures for a filter",
            description = "Counters: classes, enrolments, session attendances (person x session), participations (person x class), "
                    + "unique participants (distinct persons: not additive across rows), completions, online enrolments and "
                    + "completions, budget in VND, certificates (in force: issued, or on paper in past years, and not revoked; "
                    + "counted under their class like completions). A class belongs to the period its first day falls in. Give at most one of "
                    + "phase, year (optionally with quarter or month) and from/to. A null counter does not apply to the row. "
                    + "In the TRAINER breakdown a class with several trainers is in each of their rows (key: the trainer's "
                    + "account id; key 0: classes with no trainer assigned), so no counter adds up to the total there.",
            security = @SecurityRequirement(name = "basic"))
    @ApiResponse(responseCode = "200", description = "the report")
    @ApiResponse(responseCode = "400", description = "a filter that means nothing (message key in 'error')")
    @ApiResponse(responseCode = "403", description = "the unit lies outside the account's scope, or the account may not read reports")
    ReportSummary summary(
            @Parameter(description = "programme phase, e.g. 2021-2025") @RequestParam(required = false) @Nullable String phase,
            @RequestParam(required = false) @Nullable Integer year,
            @Parameter(description = "1-4, with year") @RequestParam(required = false) @Nullable Integer quarter,
            @Parameter(description = "1-12, with year") @RequestParam(required = false) @Nullable Integer month,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @Parameter(description = "administrative unit id (see unit/unitCode for the official code); default: the account's own "
                    + "unit (administrators: the country)")
            @RequestParam(required = false) @Nullable Long unitId,
            @Parameter(description = "administrative unit by its official code, e.g. 03820 (GET /api/v1/units lists them); a unit "
                    + "dissolved in 2025 gives its successor's figures unless asRecorded")
            @RequestParam(required = false) @Nullable String unit,
            @Parameter(description = "the same as unit")
            @RequestParam(required = false) @Nullable String unitCode,
            @Parameter(description = "group units as the records name them, not under today's units")
            @RequestParam(defaultValue = "false") boolean asRecorded,
            @RequestParam(required = false) @Nullable OrganisingLevel organisingLevel,
            @RequestParam(required = false) @Nullable TraineeLevel traineeLevel,
            @Parameter(description = "classes whose target group contains this text (case and diacritics ignored)")
            @RequestParam(required = false) @Nullable String targetGroup,
            @Parameter(description = "classes of this programme, as the classes record it (case ignored)")
            @RequestParam(required = false) @Nullable String programme,
            @Parameter(description = "classes whose topics contain this text (case and diacritics ignored), e.g. chuyen doi so")
            @RequestParam(required = false) @Nullable String topic,
            @RequestParam(required = false) @Nullable DeliveryMode mode,
            @Parameter(description = "classes taught by this trainer (account id; a class may have several trainers)")
            @RequestParam(required = false) @Nullable Long trainerId,
            @Parameter(description = "breakdowns to include: YEAR, UNIT, MODE, TRAINEE_LEVEL, ORGANISING_LEVEL, PROGRAMME, TRAINER")
            @RequestParam(required = false) @Nullable List<Breakdown> breakdown) {
        Phase p = Phase.parse(phase);
        if (phase != null && !phase.isBlank() && p == null) {
            throw new ValidationException("reports.error.phase");
        }
        String code = unit != null && !unit.isBlank() ? unit : unitCode;
        Long chosenUnit = code != null && !code.isBlank() ? Long.valueOf(reports.unitIdOfCode(code)) : unitId;
        ReportFilter filter = new ReportFilter(p, year, quarter, month, from, to, chosenUnit, asRecorded, organisingLevel, traineeLevel,
                targetGroup, programme, topic, mode, trainerId);
        return reports.summary(filter, breakdown == null ? List.of() : breakdown);
    }

    @GetMapping("/api/v1/reports/plan-vs-actual")
    @Operation(summary = "A year's plan against what was held",
            description = "Planned and held classes, participations and budget (VND) with the percentage achieved, in total, by "
                    + "organising level and by the units one level down. The plan of a unit is its own, or without one the plans of "
                    + "the units under it added up; 'planned' is null where no plan exists. Coordinators (their units) and administrators.",
            security = @SecurityRequirement(name = "basic"))
    @ApiResponse(responseCode = "200", description = "plan against actual")
    @ApiResponse(responseCode = "403", description = "the unit lies outside the account's scope, or the account may not read plans")
    PlanVsActual planVsActual(
            @Parameter(description = "administrative unit id (see unit/unitCode for the official code); default: the account's own "
                    + "unit (administrators: the country)")
            @RequestParam(required = false) @Nullable Long unitId,
            @Parameter(description = "administrative unit by its official code, e.g. 42 (GET /api/v1/units lists them), as in "
                    + "/api/v1/reports/summary")
            @RequestParam(required = false) @Nullable String unit,
            @Parameter(description = "the same as unit")
            @RequestParam(required = false) @Nullable String unitCode,
            @RequestParam int year) {
        // the same unit parameters as the summary, so one script names a unit one way everywhere
        String code = unit != null && !unit.isBlank() ? unit : unitCode;
        Long chosenUnit = code != null && !code.isBlank() ? Long.valueOf(reports.unitIdOfCode(code)) : unitId;
        return reports.planVsActual(chosenUnit, year);
    }

    @GetMapping("/api/v1/units")
    @Operation(summary = "Administrative units",
            description = "Every unit the portal knows, in code order, a page at a time: official code, name, level (PROVINCE, "
                    + "DISTRICT, COMMUNE), the parent's code, the codes of its successors after the 2025 merger, and the dates "
                    + "it was valid from and to (validTo empty: in force). Use the code as unit= in /api/v1/reports/summary.",
            security = @SecurityRequirement(name = "basic"))
    @ApiResponse(responseCode = "200", description = "a page of units")
    UnitListing units(@Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0") int page,
                      @Parameter(description = "units per page, at most 1000") @RequestParam(defaultValue = "200") int size) {
        return reports.units(page, size);
    }

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<Map<String, Object>> refused(ValidationException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.messageKey()));
    }
}
