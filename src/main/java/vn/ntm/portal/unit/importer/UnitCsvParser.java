package vn.ntm.portal.unit.importer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import vn.ntm.portal.unit.ImportProblem;
import vn.ntm.portal.unit.UnitKind;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a plain CSV with a header: {@code code,name,kind,parent_code} and optionally
 * {@code valid_from,valid_to,successor_codes,name_en}. Dates as 2025-07-01 or 01/07/2025;
 * successor codes separated by semicolons.
 */
final class UnitCsvParser {

    static final List<String> REQUIRED = List.of("code", "name", "kind", "parent_code");
    static final Set<String> OPTIONAL = Set.of("valid_from", "valid_to", "successor_codes", "name_en");
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");

    private UnitCsvParser() {
    }

    static ParsedFile parse(String text) {
        List<UnitRecord> records = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        try (CSVParser csv = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = csv.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            if (!checkHeader(header, problems)) {
                return new ParsedFile(records, problems);
            }
            LineCounter lines = new LineCounter(text);
            for (CSVRecord row : csv) {
                int line = lines.lineAt(row.getCharacterPosition());
                if (row.size() != header.size()) {
                    problems.add(ImportProblem.at(line, null, "unit.import.error.columnCount", header.size(), row.size()));
                    continue;
                }
                UnitRecord record = toRecord(line, header, row, problems);
                if (record != null) {
                    records.add(record);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            problems.add(ImportProblem.at(0, null, "unit.import.error.csv", String.valueOf(e.getMessage())));
        }
        return new ParsedFile(records, problems);
    }

    private static boolean checkHeader(List<String> header, List<ImportProblem> problems) {
        List<String> missing = REQUIRED.stream().filter(c -> !header.contains(c)).toList();
        List<String> unknown = header.stream().filter(c -> !REQUIRED.contains(c) && !OPTIONAL.contains(c)).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            problems.add(ImportProblem.at(1, null, "unit.import.error.columns",
                    String.join(", ", missing), String.join(", ", unknown)));
            return false;
        }
        return true;
    }

    private static @Nullable UnitRecord toRecord(int line, List<String> header, CSVRecord row, List<ImportProblem> problems) {
        String code = value(header, row, "code");
        String name = value(header, row, "name");
        String kindText = value(header, row, "kind");
        if (code == null) {
            problems.add(ImportProblem.at(line, null, "unit.import.error.missingCode"));
            return null;
        }
        if (name == null) {
            problems.add(ImportProblem.at(line, code, "unit.import.error.missingName"));
            return null;
        }
        UnitKind kind = UnitKind.parse(kindText);
        if (kind == null) {
            problems.add(ImportProblem.at(line, code, "unit.import.error.kind", kindText == null ? "" : kindText));
            return null;
        }
        int before = problems.size();
        LocalDate validFrom = date(line, code, value(header, row, "valid_from"), problems);
        LocalDate validTo = date(line, code, value(header, row, "valid_to"), problems);
        if (problems.size() > before) {
            return null;
        }
        String successors = value(header, row, "successor_codes");
        List<String> successorCodes = successors == null ? List.of()
                : Arrays.stream(successors.split("[;|]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new UnitRecord(line, code, name, value(header, row, "name_en"), kind, value(header, row, "parent_code"),
                validFrom, validTo, successorCodes);
    }

    private static @Nullable String value(List<String> header, CSVRecord row, String column) {
        int index = header.indexOf(column);
        if (index < 0) {
            return null;
        }
        String value = row.get(index).strip();
        return value.isEmpty() ? null : value;
    }

    private static @Nullable LocalDate date(int line, String code, @Nullable String text, List<ImportProblem> problems) {
        if (text == null) {
            return null;
        }
        try {
            return text.contains("/") ? LocalDate.parse(text, VIETNAMESE_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(ImportProblem.at(line, code, "unit.import.error.date", text));
            return null;
        }
    }

    /** Turns increasing character positions into line numbers in one pass over the text. */
    private static final class LineCounter {
        private final String text;
        private int position;
        private int line = 1;

        LineCounter(String text) {
            this.text = text;
        }

        int lineAt(long target) {
            while (position < target && position < text.length()) {
                if (text.charAt(position++) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }
}
