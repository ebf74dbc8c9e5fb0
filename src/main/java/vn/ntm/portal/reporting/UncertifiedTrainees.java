package vn.ntm.portal.reporting;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.person.PersonDirectory;
import vn.ntm.portal.person.PersonSummary;
import vn.ntm.portal.reporting.internal.UncertifiedQueries;
import vn.ntm.portal.security.CurrentUser;
import vn.ntm.portal.security.PortalUser;
import vn.ntm.portal.security.Role;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "Completed but not certified": the trainees who completed a held class under its rule and hold no certificate in
 * force for it, so that an office sees whom it still owes one. Read from the reports' own rows (completion from
 * training's read API, certificates from certificate's events), so it follows them within seconds. Coordinators see
 * their unit and below, trainers their own classes, administrators everything: the scope is in the query.
 */
@Service
public class UncertifiedTrainees {

    /** One line of the list. */
    public record Line(long classId, String classCode, String classTitle, LocalDate startDate, String unitName, long personId,
                       String fullName, @Nullable Integer birthYear, int attendedSessions, int sessions) {
    }

    /** The list's filter: a year of the class's first day and a programme as classes record it, each optional. */
    public record Filter(@Nullable Integer year, @Nullable String programme) {
        public static final Filter ALL = new Filter(null, null);
    }

    private static final int NAMES_PER_LOOKUP = 500;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final UncertifiedQueries queries;
    private final PersonDirectory persons;
    private final CurrentUser currentUser;

    UncertifiedTrainees(UncertifiedQueries queries, PersonDirectory persons, CurrentUser currentUser) {
        this.queries = queries;
        this.persons = persons;
        this.currentUser = currentUser;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public long count(Filter filter) {
        return queries.count(criteria(filter));
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public List<Line> page(Filter filter, int offset, int limit) {
        return named(queries.page(criteria(filter), offset, Math.min(limit, 500)));
    }

    /**
     * The whole list as CSV (UTF-8 with a BOM, as spreadsheet programs open it), written as it is read: names are
     * looked up a few hundred at a time, never the whole list in memory. Headers in Vietnamese, as offices file it.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public void writeCsv(Filter filter, OutputStream out) {
        try {
            OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            org.apache.commons.csv.CSVPrinter csv = new org.apache.commons.csv.CSVPrinter(writer, org.apache.commons.csv.CSVFormat.RFC4180);
            csv.printRecord("Mã lớp", "Tên lớp", "Ngày bắt đầu", "Đơn vị tổ chức", "Họ và tên", "Năm sinh", "Số buổi có mặt", "Số buổi");
            List<UncertifiedQueries.Line> batch = new ArrayList<>();
            queries.all(criteria(filter), l -> {
                batch.add(l);
                if (batch.size() == NAMES_PER_LOOKUP) {
                    print(csv, named(batch));
                    batch.clear();
                }
            });
            print(csv, named(batch));
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void print(org.apache.commons.csv.CSVPrinter csv, List<Line> lines) {
        try {
            for (Line l : lines) {
                csv.printRecord(safe(l.classCode()), safe(l.classTitle()), DATE.format(l.startDate()), safe(l.unitName()), safe(l.fullName()),
                        l.birthYear() == null ? "" : l.birthYear(), l.attendedSessions(), l.sessions());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell a spreadsheet would take for a formula is written as text. */
    private static String safe(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private List<Line> named(List<UncertifiedQueries.Line> lines) {
        if (lines.isEmpty()) {
            return List.of();
        }
        Map<Long, PersonSummary> people = persons.findAllById(lines.stream().map(UncertifiedQueries.Line::personId).collect(Collectors.toSet()));
        Set<Long> unitIds = lines.stream().map(UncertifiedQueries.Line::recordedUnitId).collect(Collectors.toSet());
        Map<Long, String> unitNames = queries.unitNames(unitIds);
        return lines.stream().map(l -> {
            PersonSummary p = people.get(l.personId());
            return new Line(l.classId(), l.classCode(), l.classTitle(), l.startDate(), unitNames.getOrDefault(l.recordedUnitId(), ""),
                    l.personId(), p == null ? "" : p.fullName(), p == null ? null : p.birthYear(), l.attendedSessions(), l.sessions());
        }).toList();
    }

    private UncertifiedQueries.Criteria criteria(Filter filter) {
        PortalUser user = currentUser.require();
        // a trainer's list is of the classes they teach, wherever those are; a coordinator's of their unit and below
        String scope = user.role() == Role.TRAINER ? null : user.scopePath();
        Long trainer = user.role() == Role.TRAINER ? user.accountId() : null;
        return new UncertifiedQueries.Criteria(scope, filter.year(), filter.programme(), trainer);
    }
}
