/**
 * Certificates of completion: templates, issuing with the office's numbering, the PDF with its QR code, the public
 * verification page, revocation, and downloads. Who completed a class it learns from training through one narrow
 * port, {@link vn.ntm.portal.certificate.CompletionSource}.
 */
@NullMarked
package vn.ntm.portal.certificate;

import org.jspecify.annotations.NullMarked;
