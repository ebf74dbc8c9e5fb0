package vn.ntm.portal.certificate.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.ntm.portal.certificate.CertificateIssued;
import vn.ntm.portal.certificate.PaperCertificate;
import vn.ntm.portal.training.PaperCertificates;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Paper certificates of past years in plain SQL (certificate_paper), and which numbers are taken by either kind. */
@Repository
public class PaperStore {

    private static final int CHUNK = 500;
    private static final String COLUMNS = """
            id, number, issued_on, class_id, person_id, trainee_name, birth_year, class_code, class_title, start_date, end_date, revoked_at""";

    private final JdbcTemplate jdbc;

    PaperStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Set<PaperCertificates.Numbered> taken(Collection<PaperCertificates.Numbered> numbers) {
        List<PaperCertificates.Numbered> list = List.copyOf(new HashSet<>(numbers));
        Set<PaperCertificates.Numbered> taken = new HashSet<>();
        for (int from = 0; from < list.size(); from += CHUNK) {
            List<PaperCertificates.Numbered> chunk = list.subList(from, Math.min(list.size(), from + CHUNK));
            String pairs = String.join(",", Collections.nCopies(chunk.size(), "(?, ?)"));
            Object[] args = chunk.stream().flatMap(n -> java.util.stream.Stream.of(n.number(), n.year())).toArray();
            for (String table : List.of("certificate_paper", "certificate")) {
                taken.addAll(jdbc.query("select number, issue_year from " + table + " where (number, issue_year) in (" + pairs + ")",
                        (rs, i) -> new PaperCertificates.Numbered(rs.getString(1), rs.getInt(2)), args));
            }
        }
        return taken;
    }

    /** Stores the paper certificates and returns them as now in force, with their ids. */
    public List<CertificateIssued> insertAll(List<PaperCertificates.Paper> papers, Instant at) {
        jdbc.batchUpdate("""
                insert into certificate_paper (number, issued_on, class_id, person_id, unit_path, trainee_name, birth_year, class_code,
                  class_title, start_date, end_date, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", papers, CHUNK, (ps, p) -> {
            Object[] values = {p.number(), Date.valueOf(p.issuedOn()), p.classId(), p.personId(), p.unitPath(), p.traineeName(),
                    p.birthYear(), p.classCode(), p.classTitle(), Date.valueOf(p.startDate()), Date.valueOf(p.endDate()), Timestamp.from(at)};
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
        });
        return papers.stream().map(p -> new CertificateIssued(
                jdbc.queryForObject("select id from certificate_paper where number = ? and issue_year = ?", Long.class, p.number(),
                        p.issuedOn().getYear()), true, p.classId(),
                p.personId(), p.unitPath(), p.issuedOn(), p.number())).toList();
    }

    public List<PaperCertificate> byNumber(String number) {
        return jdbc.query("select " + COLUMNS + " from certificate_paper where number = ? order by issued_on desc limit 5", PaperStore::row,
                number);
    }

    /** A class's paper certificates, by date of issue and number, revoked ones included. */
    public List<PaperCertificate> ofClass(long classId) {
        return jdbc.query("select " + COLUMNS + " from certificate_paper where class_id = ? order by issued_on, number", PaperStore::row,
                classId);
    }

    /** A person's paper certificates, newest first, revoked ones included (their holder sees that they were). */
    public List<PaperCertificate> ofPerson(long personId) {
        return jdbc.query("select " + COLUMNS + " from certificate_paper where person_id = ? order by issued_on desc, number", PaperStore::row,
                personId);
    }

    public Optional<PaperCertificate> find(long id) {
        return jdbc.query("select " + COLUMNS + " from certificate_paper where id = ?", PaperStore::row, id).stream().findFirst();
    }

    public @Nullable String unitPath(long id) {
        return jdbc.query("select unit_path from certificate_paper where id = ?", (rs, i) -> rs.getString(1), id).stream().findFirst()
                .orElse(null);
    }

    /** Revokes the paper certificate unless it already is (then false: the first revocation stands). */
    public boolean revoke(long id, String reason, long by, Instant at) {
        return jdbc.update("update certificate_paper set revoked_at = ?, revoked_reason = ?, revoked_by = ? where id = ? and revoked_at is null",
                Timestamp.from(at), reason, by, id) == 1;
    }

    /** Every paper certificate in force (not revoked), as the event that brought it into force carried it. */
    public void all(Consumer<CertificateIssued> sink) {
        jdbc.query("select id, class_id, person_id, unit_path, issued_on, number from certificate_paper where revoked_at is null order by id",
                rs -> {
                    sink.accept(new CertificateIssued(rs.getLong(1), true, rs.getLong(2), rs.getLong(3), rs.getString(4),
                            rs.getDate(5).toLocalDate(), rs.getString(6)));
                });
    }

    private static PaperCertificate row(ResultSet rs, int i) throws SQLException {
        Timestamp revoked = rs.getTimestamp(12);
        return new PaperCertificate(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getLong(4), rs.getLong(5),
                rs.getString(6), (Integer) rs.getObject(7, Integer.class), rs.getString(8), rs.getString(9), rs.getDate(10).toLocalDate(),
                rs.getDate(11).toLocalDate(), revoked == null ? null : revoked.toInstant());
    }
}
