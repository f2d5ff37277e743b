-- Default canned responses (editable by admins).
INSERT INTO "CannedResponse" ("id", "slug", "name", "body", "visibility", "position", "updatedAt") VALUES
('00000000-0000-7000-8000-000000000101', 'acknowledgment', 'Acknowledgment', 'Thank you for your report. We have received it and a member of the security team is assessing it. We will follow up with a detailed response and next steps within 48 hours.', 'REPORTER', 0, CURRENT_TIMESTAMP),
('00000000-0000-7000-8000-000000000102', 'more-information', 'Request for more information', 'Thank you for your report. To assess it we need a little more information:

- the exact version(s) you tested,
- a minimal script or request that reproduces the problem,
- what an attacker gains.

Please reply to this message or on your report''s status page.', 'REPORTER', 1, CURRENT_TIMESTAMP),
('00000000-0000-7000-8000-000000000103', 'detailed-response', 'Detailed response with next steps', 'We have reproduced the problem you reported. Next steps:

1. We determine every affected release line.
2. We prepare fixes for each line still under maintenance.
3. We release them and publish an advisory, crediting you as you chose.

We will keep you informed at least every week until the fix is announced.', 'REPORTER', 2, CURRENT_TIMESTAMP),
('00000000-0000-7000-8000-000000000104', 'fix-released', 'Fix released', 'The fix has been released in every maintained release line and the advisory is public. Thank you for reporting this responsibly.', 'REPORTER', 3, CURRENT_TIMESTAMP),
('00000000-0000-7000-8000-000000000105', 'third-party', 'Redirect to a third-party maintainer', 'Thank you for your report. The problem lies in a third-party module that this project does not maintain, so please report it to that module''s maintainers. We are closing this report here.', 'REPORTER', 4, CURRENT_TIMESTAMP),
('00000000-0000-7000-8000-000000000106', 'not-vulnerability', 'Not a vulnerability', 'Thank you for your report. After assessing it we concluded that it is not a vulnerability in this project: the behaviour is documented and an attacker gains nothing they did not already have. If you disagree, reply with more detail and we will look again.', 'REPORTER', 5, CURRENT_TIMESTAMP);
