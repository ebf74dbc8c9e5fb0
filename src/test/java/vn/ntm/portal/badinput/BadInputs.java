package vn.ntm.portal.badinput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The corpus of bad inputs every import and upload must survive: broken and hostile files, made here so that each
 * is exactly what its name says (a truncated workbook is a real workbook cut short, the archive bomb really
 * expands to hundreds of megabytes). {@link #payloads()} are the texts that must come back as text, never as markup.
 */
public final class BadInputs {

    public record BadInput(String name, String fileName, byte[] content) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Markup and formula payloads typed into text fields or cells. */
    public static List<String> payloads() {
        return List.of(
                "<script>window.__xss=1</script>",
                "\"><img src=x onerror=\"window.__xss=1\">",
                "<svg onload=window.__xss=1>",
                "javascript:window.__xss=1",
                "<a href=\"javascript:window.__xss=1\">bấm vào đây</a>",
                "=HYPERLINK(\"http://example.invalid\",\"Bấm\")",
                "+cmd|' /C calc'!A0",
                "@SUM(1+1)*cmd|' /C calc'!A0",
                "'; DROP TABLE person; --",
                "Nguy\u0065\u0302\u0303n Th\u0069\u0323 \u0041\u0301nh",
                "Lò\u200B Thị\u200F Hoa\u202E",
                "\uFEFFCầm Văn Thượng\u2066");
    }

    /** The bombs take seconds to deflate; each is made once per test run. */
    private static final java.util.Map<String, byte[]> MADE = new java.util.concurrent.ConcurrentHashMap<>();

    private static byte[] once(String name, java.util.function.Supplier<byte[]> make) {
        return MADE.computeIfAbsent(name, n -> make.get());
    }

    /** Every bad file of the corpus, given a valid workbook to break. */
    public static List<BadInput> files(byte[] validWorkbook) {
        List<BadInput> inputs = new ArrayList<>();
        inputs.add(new BadInput("empty file", "empty.xlsx", new byte[0]));
        inputs.add(new BadInput("random bytes", "random.xlsx", random(64 * 1024, 1)));
        inputs.add(new BadInput("random bytes named csv", "random.csv", random(16 * 1024, 2)));
        inputs.add(new BadInput("workbook cut in half", "truncated.xlsx", Arrays.copyOf(validWorkbook, validWorkbook.length / 2)));
        inputs.add(new BadInput("workbook cut after its header", "truncated2.xlsx", Arrays.copyOf(validWorkbook, 40)));
        inputs.add(new BadInput("archive expanding to 300 MB", "bomb.xlsx", once("bomb", () -> zipBomb(300L * 1024 * 1024))));
        inputs.add(new BadInput("archive bomb behind an entry that does not inflate", "bomb-behind-junk.xlsx",
                once("bomb behind junk", () -> bombBehindBrokenEntry(300L * 1024 * 1024))));
        inputs.add(new BadInput("archive of 20,000 entries", "many-entries.xlsx", once("many entries", () -> manyEntries(20_000))));
        inputs.add(new BadInput("workbook with a 2 MB cell", "huge-cell.xlsx", workbookWithCell("A".repeat(2 * 1024 * 1024))));
        inputs.add(new BadInput("csv with a 2 MB cell", "huge-cell.csv", ("Họ và tên,Số điện thoại\n" + "Ă".repeat(1024 * 1024) + ",0912345678\n")
                .getBytes(StandardCharsets.UTF_8)));
        inputs.add(new BadInput("PDF named xlsx", "roster.xlsx", "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII)));
        inputs.add(new BadInput("PNG named csv", "roster.csv", new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'}));
        inputs.add(new BadInput("UTF-16 csv", "utf16.csv", "Họ và tên,Số điện thoại\nLò Thị Hoa,0912345678\n".getBytes(StandardCharsets.UTF_16)));
        inputs.add(new BadInput("Windows-1258 csv", "cp1258.csv", windows1258()));
        inputs.add(new BadInput("csv with NUL bytes", "nul.csv", "Họ và tên,Số\u0000 điện thoại\nLò\u0000 Thị Hoa,0912\u0000345678\n"
                .getBytes(StandardCharsets.UTF_8)));
        inputs.add(new BadInput("JSON nested 100,000 deep", "deep.json", ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.US_ASCII)));
        inputs.add(new BadInput("JSON with a 5 MB string", "long.json", ("{\"code\":\"" + "9".repeat(5 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.US_ASCII)));
        inputs.add(new BadInput("JSON of the wrong shape", "wrong.json", "{\"units\": 42, \"topics\": [null, {}, \"x\"]}".getBytes(StandardCharsets.UTF_8)));
        inputs.add(new BadInput("markup and formulas in every cell", "payloads.csv", payloadCsv()));
        inputs.add(new BadInput("combining diacritics and invisible characters", "unicode.csv", unicodeCsv()));
        return inputs;
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** A workbook whose only sheet holds one cell that decompresses to {@code inflated} bytes of spaces. */
    static byte[] zipBomb(long inflated) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "</Types>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write("<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>".getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (long written = 0; written < inflated; written += spaces.length) {
                zip.write(spaces);
            }
            zip.write("</t></is></c></row></sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The attack that got past the first guard: a 16-byte entry marked as compressed whose bytes do not inflate, placed
     * before the sheet. A guard reading entry by entry stopped there and let the file through; the workbook reader,
     * going by the central directory, never looks at that entry and inflated the sheet: hundreds of megabytes.
     */
    static byte[] bombBehindBrokenEntry(long inflated) {
        byte[] bomb = zipBomb(inflated);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String junkName = "customXml/item9.bin";
        byte[] junk = {(byte) 0xFF, (byte) 0xFF, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        try (ZipOutputStream zip = new ZipOutputStream(out); var source = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(bomb))) {
            ZipEntry stored = new ZipEntry(junkName);
            stored.setMethod(ZipEntry.STORED);
            stored.setSize(junk.length);
            stored.setCompressedSize(junk.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(junk);
            stored.setCrc(crc.getValue());
            zip.putNextEntry(stored);
            zip.write(junk);
            zip.closeEntry();
            for (ZipEntry e = source.getNextEntry(); e != null; e = source.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                source.transferTo(zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = out.toByteArray();
        // now say the junk is deflated, in its local header (method at +8) and in the central directory (at +10):
        // 0xFF starts a block of the reserved type, so it cannot be inflated
        byte[] name = junkName.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + name.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + name.length, name, 0, name.length)) {
                if (i >= 30 && bytes[i - 30] == 'P' && bytes[i - 29] == 'K' && bytes[i - 28] == 3 && bytes[i - 27] == 4) {
                    bytes[i - 30 + 8] = 8;
                } else if (i >= 46 && bytes[i - 46] == 'P' && bytes[i - 45] == 'K' && bytes[i - 44] == 1 && bytes[i - 43] == 2) {
                    bytes[i - 46 + 10] = 8;
                }
            }
        }
        return bytes;
    }

    /** A small archive whose entries alone would keep a reader busy. */
    static byte[] manyEntries(int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < count; i++) {
                zip.putNextEntry(new ZipEntry("x/" + i));
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] workbookWithCell(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var workbook = new org.dhatim.fastexcel.Workbook(out, "ntm", "1.0")) {
            var sheet = workbook.newWorksheet("Danh sách");
            sheet.value(0, 0, "Họ và tên");
            sheet.value(0, 1, "Số điện thoại");
            sheet.value(1, 0, text);
            sheet.value(1, 1, "0912345678");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] windows1258() {
        Charset cp1258 = Charset.forName("windows-1258");
        return "Họ và tên,Số điện thoại\nLò Thị Hoa,0912345678\n".getBytes(cp1258);
    }

    /** The position holds the payload; the trainee group is given, since a position the portal cannot read needs it. */
    private static byte[] payloadCsv() {
        StringBuilder csv = new StringBuilder("Họ và tên,Giới tính,Năm sinh,Số điện thoại,Số CCCD,Xã/phường,Chức vụ,Đối tượng,Cơ quan/đơn vị\n");
        int i = 0;
        for (String payload : payloads()) {
            String quoted = "\"" + payload.replace("\"", "\"\"") + "\"";
            csv.append(quoted).append(",,1980,09123450").append(String.format("%02d", i++)).append(",,,").append(quoted).append(",Người dân,")
                    .append(quoted).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] unicodeCsv() {
        String decomposed = Normalizer.normalize("Nguyễn Thị Ánh", Normalizer.Form.NFD);
        return ("Họ và tên,Số điện thoại\n" + decomposed + ",0912345601\n\u200BLò\u200D Thị Hoa\u200F,\u202A0912 345 602\u202C\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private BadInputs() {
    }
}
