package vn.ntm.portal.unit.importer;

import vn.ntm.portal.unit.ImportProblem;
import vn.ntm.portal.unit.UnitKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Checks the records of one file against each other and against the units already stored, and orders
 * them parents first. A file with any problem is refused as a whole.
 */
public final class UnitFileValidator {

    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z_-]{1,20}");
    private static final int MAX_NAME = 200;

    private final Predicate<String> storedCode;
    private final List<ImportProblem> problems = new ArrayList<>();
    private final Map<String, UnitRecord> byCode = new HashMap<>();

    private UnitFileValidator(Predicate<String> storedCode) {
        this.storedCode = storedCode;
    }

    /** Returns the records parents first, or the problems that refuse the file. */
    public static Result validate(List<UnitRecord> records, Predicate<String> storedCode) {
        return new UnitFileValidator(storedCode).run(records);
    }

    public record Result(List<UnitRecord> ordered, List<ImportProblem> problems) {
    }

    private Result run(List<UnitRecord> records) {
        for (UnitRecord record : records) {
            checkOwnFields(record);
            UnitRecord first = byCode.putIfAbsent(record.code(), record);
            if (first != null) {
                problems.add(ImportProblem.at(record.line(), record.code(), "unit.import.error.duplicate", first.line()));
            }
        }
        for (UnitRecord record : records) {
            checkLinks(record);
        }
        if (!problems.isEmpty()) {
            return new Result(List.of(), problems);
        }
        Map<String, Integer> depth = new HashMap<>();
        for (UnitRecord record : records) {
            if (depthOf(record, depth, new java.util.HashSet<>()) < 0) {
                problems.add(ImportProblem.at(record.line(), record.code(), "unit.import.error.cycle"));
            }
        }
        List<UnitRecord> ordered = new ArrayList<>(records);
        ordered.sort(java.util.Comparator.comparingInt(r -> depth.getOrDefault(r.code(), 0)));
        return new Result(problems.isEmpty() ? ordered : List.of(), problems);
    }

    private void checkOwnFields(UnitRecord record) {
        if (!CODE.matcher(record.code()).matches()) {
            problems.add(ImportProblem.at(record.line(), record.code(), "unit.import.error.code"));
        }
        if (record.name().length() > MAX_NAME) {
            problems.add(ImportProblem.at(record.line(), record.code(), "unit.import.error.nameLength", MAX_NAME));
        }
        if (record.validFrom() != null && record.validTo() != null && record.validFrom().isAfter(record.validTo())) {
            problems.add(ImportProblem.at(record.line(), record.code(), "unit.import.error.validity"));
        }
        boolean provinceKind = record.kind() == UnitKind.PROVINCE;
        boolean communeKind = Set.of(UnitKind.COMMUNE, UnitKind.WARD, UnitKind.TOWNSHIP, UnitKind.SPECIAL_ZONE)
                .contains(record.kind());
        if (record.parentCode() == null && communeKind) {
            problems.add(ImportProblem.at(record.line(), record.code(), "unit.import.error.parentRequired"));
        }
        if (record.parentCode() != null && provinceKind) {
            problems.add(ImportProblem.at(record.line(), record.code(), "unit.import.error.provinceWithParent"));
        }
    }

    private void checkLinks(UnitRecord record) {
        String parent = record.parentCode();
        if (parent != null && (parent.equals(record.code()) || !known(parent))) {
            problems.add(ImportProblem.at(record.line(), record.code(), "unit.import.error.unknownParent", parent));
        }
        for (String successor : record.successorCodes()) {
            if (successor.equals(record.code()) || !known(successor)) {
                problems.add(ImportProblem.at(record.line(), record.code(), "unit.import.error.unknownSuccessor", successor));
            }
        }
    }

    private boolean known(String code) {
        return byCode.containsKey(code) || storedCode.test(code);
    }

    /** Depth within the file (0 for a unit whose parent is stored or absent); -1 on a cycle. */
    private int depthOf(UnitRecord record, Map<String, Integer> memo, java.util.Set<String> visiting) {
        Integer known = memo.get(record.code());
        if (known != null) {
            return known;
        }
        if (!visiting.add(record.code())) {
            return -1;
        }
        UnitRecord parent = record.parentCode() == null ? null : byCode.get(record.parentCode());
        int depth = 0;
        if (parent != null) {
            int parentDepth = depthOf(parent, memo, visiting);
            if (parentDepth < 0) {
                return -1;
            }
            depth = parentDepth + 1;
        }
        memo.put(record.code(), depth);
        return depth;
    }
}
