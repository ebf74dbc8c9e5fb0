package vn.ntm.portal.certificate.domain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The numbers of an issuing office in a year. The counter row is locked until the issuing transaction ends: a
 * second issuer waits, then continues after the last number the first one used; if the first one fails, its numbers
 * were never taken. So the numbers have no gaps and no duplicates, whatever the number of issuers.
 */
@Repository
public class NumberCounter {

    private final JdbcTemplate jdbc;

    NumberCounter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes {@code count} numbers in a row; returns the first. Must run inside the transaction that uses them. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int take(String officeCode, int year, int count) {
        // a duplicate insert of the first row by two issuers waits on the other's lock, then does nothing
        jdbc.update("insert ignore into certificate_counter (office_code, issue_year, last_number) values (?, ?, 0)", officeCode, year);
        Integer last = jdbc.queryForObject("select last_number from certificate_counter where office_code = ? and issue_year = ? for update",
                Integer.class, officeCode, year);
        int first = (last == null ? 0 : last) + 1;
        jdbc.update("update certificate_counter set last_number = ? where office_code = ? and issue_year = ?",
                first + count - 1, officeCode, year);
        return first;
    }
}
