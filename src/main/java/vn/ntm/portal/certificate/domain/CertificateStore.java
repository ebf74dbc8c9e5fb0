package vn.ntm.portal.certificate.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.ntm.portal.certificate.IssuedCertificate;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Issued certificates in plain SQL: one row per certificate, carrying what it said on the day it was issued. */
@Repository
public class CertificateStore {

    private static final String COLUMNS = """
            id, number, verification_code, class_id, person_id, trainee_name, birth_year, trainee_unit, class_code, class_title,
            programme, start_date, end_date, sessions_attended, sessions, completed, exception_reason, title, office_name,
            signer_name, signer_title, place, wording, hours, issued_on, template_id, revoked_at, revoked_reason, module_id, quiz_score""";

    /**
     * What is written when a certificate is issued, beside its number and code. A class's certificate has a
     * {@code classId}; an online module's has a {@code moduleId} instead, its title as {@code classTitle}, no sessions,
     * and the {@code quizScore} if the module has a quiz.
     */
    public record NewCertificate(String officeCode, int year, int sequence, String number, String code, long templateId,
                                 @Nullable Long classId, long personId, String unitPath, String traineeName, @Nullable Integer birthYear,
                                 @Nullable String traineeUnit, String classCode, String classTitle, @Nullable String programme,
                                 java.time.LocalDate startDate, java.time.LocalDate endDate, int sessionsAttended, int sessions,
                                 boolean completed, @Nullable String exceptionReason, String title, String officeName,
                                 String signerName, String signerTitle, @Nullable String place, String wording,
                                 @Nullable Integer hours, java.time.LocalDate issuedOn, Instant issuedAt, @Nullable Long issuedBy,
                                 @Nullable Long moduleId, @Nullable Integer quizScore) {
    }

    private final JdbcTemplate jdbc;

    CertificateStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insertAll(List<NewCertificate> list) {
        jdbc.batchUpdate("""
                insert into certificate (office_code, issue_year, sequence_number, number, verification_code, template_id, class_id,
                  person_id, unit_path, trainee_name, birth_year, trainee_unit, class_code, class_title, programme, start_date, end_date,
                  sessions_attended, sessions, completed, exception_reason, title, office_name, signer_name, signer_title, place,
                  wording, hours, issued_on, issued_at, issued_by, module_id, quiz_score)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                list, 500, (ps, c) -> {
                    Object[] values = {c.officeCode(), c.year(), c.sequence(), c.number(), c.code(), c.templateId(), c.classId(),
                            c.personId(), c.unitPath(), c.traineeName(), c.birthYear(), c.traineeUnit(), c.classCode(), c.classTitle(),
                            c.programme(), Date.valueOf(c.startDate()), Date.valueOf(c.endDate()), c.sessionsAttended(), c.sessions(),
                            c.completed(), c.exceptionReason(), c.title(), c.officeName(), c.signerName(), c.signerTitle(), c.place(),
                            c.wording(), c.hours(), Date.valueOf(c.issuedOn()), Timestamp.from(c.issuedAt()), c.issuedBy(), c.moduleId(), c.quizScore()};
                    for (int i = 0; i < values.length; i++) {
                        ps.setObject(i + 1, values[i]);
                    }
                });
    }

    /** Those of the class who hold a certificate in force. */
    public Set<Long> holders(long classId) {
        return Set.copyOf(jdbc.queryForList("select person_id from certificate where live_class_id = ?", Long.class, classId));
    }

    public Optional<IssuedCertificate> find(long id) {
        return one("id = ?", id);
    }

    public Optional<IssuedCertificate> byCode(String code) {
        return one("verification_code = ?", code);
    }

    public List<IssuedCertificate> byNumber(String number) {
        return jdbc.query("select " + COLUMNS + " from certificate where number = ? order by issue_year desc limit 5",
                CertificateStore::row, number);
    }

    /** The certificates with these codes (those just issued), in the order of their numbers. */
    public List<IssuedCertificate> byCodes(java.util.Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select " + COLUMNS + " from certificate where verification_code in ("
                        + String.join(",", java.util.Collections.nCopies(codes.size(), "?")) + ") order by issue_year, sequence_number",
                CertificateStore::row, codes.toArray());
    }

    public List<IssuedCertificate> ofClass(long classId) {
        return jdbc.query("select " + COLUMNS + " from certificate where class_id = ? order by issue_year, sequence_number",
                CertificateStore::row, classId);
    }

    /** Whether the person holds a certificate in force for this module. */
    public boolean holdsModule(long moduleId, long personId) {
        Integer n = jdbc.queryForObject("select count(*) from certificate where live_module_id = ? and person_id = ?", Integer.class,
                moduleId, personId);
        return n != null && n > 0;
    }

    public List<IssuedCertificate> ofPerson(long personId) {
        return jdbc.query("select " + COLUMNS + " from certificate where person_id = ? order by issued_at desc",
                CertificateStore::row, personId);
    }

    public @Nullable String unitPath(long id) {
        return jdbc.query("select unit_path from certificate where id = ?", (rs, i) -> rs.getString(1), id).stream().findFirst().orElse(null);
    }

    public boolean revoke(long id, String reason, long by, Instant at) {
        return jdbc.update("update certificate set revoked_at = ?, revoked_reason = ?, revoked_by = ? where id = ? and revoked_at is null",
                Timestamp.from(at), reason, by, id) == 1;
    }

    /** Every certificate not revoked, as the event that brought it into force carried it (for the reports' rebuild). */
    public void inForce(java.util.function.Consumer<vn.ntm.portal.certificate.CertificateIssued> sink) {
        jdbc.query("select id, class_id, person_id, unit_path, issued_on, number from certificate where revoked_at is null order by id", rs -> {
            long classId = rs.getLong(2);
            sink.accept(new vn.ntm.portal.certificate.CertificateIssued(rs.getLong(1), false, rs.wasNull() ? null : classId, rs.getLong(3),
                    rs.getString(4), rs.getDate(5).toLocalDate(), rs.getString(6)));
        });
    }

    private Optional<IssuedCertificate> one(String where, Object arg) {
        return jdbc.query("select " + COLUMNS + " from certificate where " + where, CertificateStore::row, arg).stream().findFirst();
    }

    private static IssuedCertificate row(ResultSet rs, int i) throws SQLException {
        Timestamp revoked = rs.getTimestamp(27);
        return new IssuedCertificate(rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4, Long.class), rs.getLong(5),
                rs.getString(6),
                (Integer) rs.getObject(7, Integer.class), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getDate(12).toLocalDate(), rs.getDate(13).toLocalDate(), rs.getInt(14), rs.getInt(15), rs.getBoolean(16),
                rs.getString(17), rs.getString(18), rs.getString(19), rs.getString(20), rs.getString(21), rs.getString(22),
                rs.getString(23), (Integer) rs.getObject(24, Integer.class), rs.getDate(25).toLocalDate(), rs.getLong(26),
                revoked == null ? null : revoked.toInstant(), rs.getString(28), (Long) rs.getObject(29, Long.class),
                (Integer) rs.getObject(30, Integer.class));
    }

}
