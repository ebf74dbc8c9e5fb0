package vn.ntm.portal.reporting.internal;

import org.jspecify.annotations.Nullable;
import vn.ntm.portal.reporting.Phase;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pre-aggregated cells a participation row belongs to (report_cell), and the counters it adds to them. Used both
 * by the rebuild (over every row) and by the incremental refresh (over the rows of the persons a change touched), so
 * the two cannot disagree.
 */
final class Cells {

    private Cells() {
    }

    /** A row of report_participation. */
    record Part(long classId, long personId, boolean enrolled, int attendedSessions, boolean completed, String traineeLevel,
                LocalDate startDate, long provinceId, @Nullable Long communeId, String organisingLevel, String mode,
                @Nullable String programme, String trainerIds, int certificates) {
    }

    /** A row of report_class, as far as the cells need it. */
    record ClassRow(long classId, LocalDate startDate, long provinceId, @Nullable Long communeId, String organisingLevel, String mode,
                    @Nullable String programme, long budgetVnd, String trainerIds) {
    }

    /** The key of the cells of classes without a recorded trainer (as ReportRow.NO_TRAINER). */
    static final String NO_TRAINER = "0";

    record Key(char unitLevel, long unitId, String period, String dim, String dimValue, long parentUnitId) {
    }

    /**
     * enrolments, session attendances, participations, completions, unique participants (from the class-person rows);
     * classes and budget (from the class rows, so that class figures need no scan of report_class either); certificates
     * in force (from the class-person rows, as many as the person holds for the class).
     */
    static final int WIDTH = 8;

    static List<Key> of(Part p) {
        List<String[]> dims = new ArrayList<>(List.of(new String[]{"ALL", ""}, new String[]{"MODE", p.mode()},
                new String[]{"TLEVEL", p.traineeLevel()}, new String[]{"OLEVEL", p.organisingLevel()},
                new String[]{"PROG", programme(p.programme())}));
        trainers(p.trainerIds(), dims);
        return keys(p.startDate(), p.provinceId(), p.communeId(), dims);
    }

    /** A class has no trainee level: it counts in every cell of its place and period but those by trainee level. */
    static List<Key> of(ClassRow c) {
        List<String[]> dims = new ArrayList<>(List.of(new String[]{"ALL", ""}, new String[]{"MODE", c.mode()},
                new String[]{"OLEVEL", c.organisingLevel()}, new String[]{"PROG", programme(c.programme())}));
        trainers(c.trainerIds(), dims);
        return keys(c.startDate(), c.provinceId(), c.communeId(), dims);
    }

    /** One cell per trainer of the class (so these cells overlap), or the cell of classes without one. */
    private static void trainers(String trainerIds, List<String[]> dims) {
        if (trainerIds.isEmpty()) {
            dims.add(new String[]{"TRAINER", NO_TRAINER});
            return;
        }
        for (String id : trainerIds.split(",")) {
            dims.add(new String[]{"TRAINER", id});
        }
    }

    /** The programme as the cells key it (as the class records it, none as ''). */
    static String programme(@Nullable String programme) {
        return programme == null ? "" : programme;
    }

    private static List<Key> keys(LocalDate startDate, long provinceId, @Nullable Long communeId, List<String[]> dims) {
        List<Key> keys = new ArrayList<>(9 * dims.size());
        char[] levels = {'N', 'P', communeId != null ? 'C' : 'O'};
        long[] ids = {0, provinceId, communeId != null ? communeId : provinceId};
        long[] parents = {0, 0, provinceId};
        int year = startDate.getYear();
        Phase phase = Phase.of(year);
        String[] periods = phase == null ? new String[]{"ALL", "Y" + year} : new String[]{"ALL", "Y" + year, "P" + phase.firstYear()};
        for (int u = 0; u < 3; u++) {
            for (String period : periods) {
                for (String[] dim : dims) {
                    keys.add(new Key(levels[u], ids[u], period, dim[0], dim[1], parents[u]));
                }
            }
        }
        return keys;
    }

    /** What one class adds to each cell: itself and its budget. */
    static Map<Key, long[]> contributions(ClassRow c) {
        Map<Key, long[]> result = new HashMap<>();
        for (Key k : of(c)) {
            long[] v = result.computeIfAbsent(k, x -> new long[WIDTH]);
            v[5] += 1;
            v[6] += c.budgetVnd();
        }
        return result;
    }

    /** What the rows of one person add to each cell: sums for the additive counters, 1 for unique when they took part. */
    static Map<Key, long[]> contributions(List<Part> rowsOfOnePerson) {
        Map<Key, long[]> result = new HashMap<>();
        Set<Key> present = new HashSet<>();
        for (Part p : rowsOfOnePerson) {
            for (Key k : of(p)) {
                long[] v = result.computeIfAbsent(k, x -> new long[WIDTH]);
                v[0] += p.enrolled() ? 1 : 0;
                v[1] += p.attendedSessions();
                v[2] += p.attendedSessions() > 0 ? 1 : 0;
                v[3] += p.completed() ? 1 : 0;
                v[7] += p.certificates();
                if (p.attendedSessions() > 0 && present.add(k)) {
                    v[4] = 1;
                }
            }
        }
        return result;
    }

    static void add(Map<Key, long[]> into, Map<Key, long[]> values, int sign) {
        values.forEach((k, v) -> {
            long[] target = into.computeIfAbsent(k, x -> new long[WIDTH]);
            for (int i = 0; i < WIDTH; i++) {
                target[i] += sign * v[i];
            }
        });
    }
}
