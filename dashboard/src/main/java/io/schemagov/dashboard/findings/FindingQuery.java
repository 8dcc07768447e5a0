package io.schemagov.dashboard.findings;

/**
 * One page request over the findings: the filter, the order, the page size and where the previous page stopped
 * ({@code after} is null for the first page).
 */
record FindingQuery(FindingFilter filter, FindingSort sort, int size, FindingCursor after) {
}
