package postgres

// PersonalColumns lists the columns that hold personal data, as
// table.column, for the host's encryption, masking or erasure: the
// client.Personal fields of client.Client, stored in clear text by this
// adapter (each column also carries a COMMENT starting "personal data").
// The other tables refer to people by ID only.
func PersonalColumns() []string {
	return []string{
		"clients.person_name",
		"clients.person_tax_number",
		"clients.phone",
		"clients.email",
		"clients.messenger",
	}
}
