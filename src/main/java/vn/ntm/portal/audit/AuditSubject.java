package vn.ntm.portal.audit;

/** The kinds of records whose changes are audited. */
public enum AuditSubject {
    ACCOUNT, PERSON, CLASS, SESSION, ROSTER, ATTENDANCE, PLAN,
    /** The curriculum: programmes (and their authors), topic groups, topics, online modules, lessons, quiz questions. */
    PROGRAMME, TOPIC_GROUP, TOPIC, MODULE, LESSON, QUESTION,
    /** A certificate of completion, and the template it was printed from. */
    CERTIFICATE, CERTIFICATE_TEMPLATE,
    /** A certificate issued on paper in past years (its own ids, apart from those of the certificates issued here). */
    CERTIFICATE_PAPER,
    /** A secret the portal's nodes share (the check-in code key), when it is replaced; never its value. */
    SECRET
}
