package vn.ntm.portal.training;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.training.domain.RosterStore;
import vn.ntm.portal.training.roster.RosterColumn;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The roster template to fill in, and a class's roster as a workbook. Cells never start as a formula would. */
@Service
public class RosterSpreadsheets {

    private final ClassAccess access;
    private final RosterStore roster;

    RosterSpreadsheets(ClassAccess access, RosterStore roster) {
        this.access = access;
        this.roster = roster;
    }

    /**
     * The template for classes of past years: class columns, person columns, sessions attended, then the optional class
     * columns (organising level, programme, topics, target group, trainers, budget, venue).
     */
    public byte[] historyTemplate() {
        return workbook("Lớp các năm trước", HistoryImportService.headers(), List.of(List.of("SL-2019-01",
                "Tập huấn Bộ tiêu chí quốc gia về xã nông thôn mới", "14", "15/03/2019", "16/03/2019", "Trực tiếp", "4",
                "Quàng Thị Lan", "Nữ", "1985", "0912 345 678", "", "Xã Mường Chiên", "Trưởng bản", "Cán bộ thôn, bản", "", "4",
                "Tỉnh", "Nông thôn mới 2021-2025", "Bộ tiêu chí quốc gia về xã nông thôn mới", "Cán bộ xã, trưởng bản", "", "12.500.000",
                "Hội trường UBND xã Mường Chiên")));
    }

    public byte[] template() {
        return workbook("Danh sách học viên", RosterColumn.headers(), List.of(List.of("Quàng Thị Lan", "Nữ", "1985", "0912 345 678", "014185000123",
                "Mường Chiên", "Trưởng bản", "Cán bộ thôn, bản", "UBND xã Mường Chiên")));
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public byte[] export(long classId) {
        access.readable(classId);
        List<List<String>> rows = roster.rows(classId, 0, Integer.MAX_VALUE).stream().map(r -> List.of(r.fullName(), "",
                r.birthYear() == null ? "" : String.valueOf(r.birthYear()), nz(r.phone()), nz(r.nationalId()), nz(r.communeName()),
                nz(r.position()), r.level() == null ? "" : r.level().name(), "")).toList();
        return workbook("Danh sách học viên", RosterColumn.headers(), rows);
    }

    private static byte[] workbook(String sheet, List<String> headers, List<List<String>> rows) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Workbook wb = new Workbook(out, "NTM", "1.0");
            Worksheet ws = wb.newWorksheet(sheet);
            for (int c = 0; c < headers.size(); c++) {
                ws.value(0, c, headers.get(c));
                ws.style(0, c).bold().fillColor("E8F5E9").set();
                ws.width(c, 22);
            }
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    ws.value(r + 1, c, safe(rows.get(r).get(c)));
                }
            }
            wb.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value a spreadsheet program would run as a formula gets a leading apostrophe. */
    static String safe(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
