package vn.ntm.portal.certificate.domain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The numbers of an issuing office in a year. The counter row is locked (SELECT ... FOR UPDATE) until the issuing
 * transaction ends: a second issuer waits, then continues after the last number the first one used; if the first
 * one fails, its numbers were never taken. So the numbers have no gaps and no duplicates, whatever the number of
 * issuers.
 */
@Repository
public class NumberCounter {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    NumberCounter(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Takes {@code count} numbers in a row; returns the first. Must run inside the transaction that uses them. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int take(String officeCode, int year, int count) {
        ensureRow(officeCode, year);
        Integer last = jdbc.queryForObject("select last_number from certificate_counter where office_code = ? and issue_year = ? for update",
                Integer.class, officeCode, year);
        int first = (last == null ? 0 : last) + 1;
        jdbc.update("update certificate_counter set last_number = ? where office_code = ? and issue_year = ?",
                first + count - 1, officeCode, year);
        return first;
    }

    /**
     * The office's first certificate of the year creates its row, committed on its own. Not inside the issuing
     * transaction: there the duplicate insert of a second issuer would hold a shared lock on the row while waiting to
     * lock it for update, as would the first, and InnoDB would end one of them as a deadlock (seen with two issuers).
     */
    private void ensureRow(String officeCode, int year) {
        Integer rows = jdbc.queryForObject("select count(*) from certificate_counter where office_code = ? and issue_year = ?",
                Integer.class, officeCode, year);
        if (rows == null || rows == 0) {
            ownTransaction.executeWithoutResult(status -> jdbc.update(
                    "insert ignore into certificate_counter (office_code, issue_year, last_number) values (?, ?, 0)", officeCode, year));
        }
    }
}
