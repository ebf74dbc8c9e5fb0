package vn.ntm.portal.learning;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.learning.domain.EnrolmentQueries;
import vn.ntm.portal.security.CurrentUser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What coordinators see of online learning: enrolments and completions per module among the trainees of their unit
 * and everything under it (administrators: everyone), and the same as an XLSX file.
 */
@Service
@Transactional(readOnly = true)
public class LearningReportService {

    private static final int EXPORT_LIMIT = 200_000;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Enrolment moments in the portal clock's zone (Vietnam), whatever the server keeps. */
    private final DateTimeFormatter dateTime;

    private final EnrolmentQueries queries;
    private final CurrentUser currentUser;

    LearningReportService(EnrolmentQueries queries, CurrentUser currentUser, java.time.Clock clock) {
        this.dateTime = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(clock.getZone());
        this.queries = queries;
        this.currentUser = currentUser;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public List<ModuleFigures> figures(int offset, int limit) {
        return queries.figures(scope(), offset, Math.max(limit, 1));
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public long countModules() {
        return queries.countModules(scope());
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public List<EnrolmentRow> enrolments(@Nullable Long moduleId, int offset, int limit) {
        return queries.rows(scope(), moduleId, offset, Math.max(limit, 1));
    }

    /** Every enrolment within scope as a spreadsheet; headers are given in the reader's language. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public byte[] exportXlsx(List<String> headers, String sheetName) {
        List<EnrolmentRow> rows = queries.rows(scope(), null, 0, EXPORT_LIMIT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "NTM", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName);
            for (int c = 0; c < headers.size(); c++) {
                sheet.value(0, c, safe(headers.get(c)));
                sheet.style(0, c).bold().set();
            }
            int r = 1;
            for (EnrolmentRow row : rows) {
                sheet.value(r, 0, safe(row.fullName()));
                sheet.value(r, 1, safe(row.username()));
                sheet.value(r, 2, safe(row.unitName() == null ? "" : row.unitName()));
                sheet.value(r, 3, safe(row.moduleTitle()));
                sheet.value(r, 4, row.moduleVersion());
                sheet.value(r, 5, dateTime.format(row.enrolledAt()));
                sheet.value(r, 6, row.completedOn() == null ? "" : DATE.format(row.completedOn()));
                if (row.completedVersion() != null) {
                    sheet.value(r, 7, row.completedVersion());
                }
                r++;
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A text cell that a spreadsheet would read as a formula gets a leading apostrophe. */
    static String safe(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private @Nullable String scope() {
        return currentUser.require().scopePath();
    }
}
