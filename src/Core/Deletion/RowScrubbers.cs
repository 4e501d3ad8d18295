using Azure.Data.Tables;

namespace CustomerFunctions.Core.Deletion;

/// <summary>
/// The scrubbers of the kinds that stay after erasure without their personal values (registered in <see cref="ErasureRules"/>).
/// They work on the stored properties by name, so rows written by any version are erased, and each is idempotent.
/// </summary>
public static class RowScrubbers
{
    /// <summary>Invitation rows: the token goes (its index pointer is forgotten first), a pending one is cancelled, the invitee's email and name are erased.</summary>
    public static bool Invitation(TableEntity row)
    {
        var changed = row.Remove("TokenHash");
        if (row.GetString("State") == "pending")
        {
            row["State"] = "cancelled";
            changed = true;
        }
        return ErasePersonalValues(row, "Email", "FullName") | changed;
    }

    /// <summary>Who acknowledged a message stays (user ids), what they were called goes.</summary>
    public static bool Acknowledgement(TableEntity row) => ErasePersonalValues(row, "Name");

    /// <summary>A message stays as a fact (id, mode, when, sender's id); what it said and who signed it go.</summary>
    public static bool Message(TableEntity row) => ErasePersonalValues(row, "Subject", "Body", "SentByName");

    /// <summary>A deletion request stays as a record (who by id, when, outcome); the reason and the note written into it go.</summary>
    public static bool DeletionRequest(TableEntity row) => ErasePersonalValues(row, "Reason", "Note");

    /// <summary>The registration record keeps how the account came to be (registrant's id, partner, link, decision); the registrant's email and name and the rejection reason go.</summary>
    public static bool Registration(TableEntity row) => ErasePersonalValues(row, "Email", "FullName", "RejectionReason");

    /// <summary>History stays; personal values inside its details and changes are erased (see <see cref="PersonalData"/>).</summary>
    public static bool HistoryEvent(TableEntity row)
    {
        var aboutAUser = (row.GetString("Type") ?? "").StartsWith("USER_", StringComparison.Ordinal);
        var changed = false;
        foreach (var key in new[] { "Details", "Changes" })
        {
            var json = row.GetString(key);
            var scrubbed = PersonalData.Scrub(json, aboutAUser);
            if (scrubbed != json)
            {
                row[key] = scrubbed;
                changed = true;
            }
        }
        return changed;
    }

    /// <summary>Replaces the row's values of <paramref name="keys"/> and of any personal-data property; true when something changed.</summary>
    private static bool ErasePersonalValues(TableEntity row, params string[] keys)
    {
        var changed = false;
        foreach (var key in row.Keys.Where(k => keys.Contains(k) || PersonalData.IsPersonalKey(k)).ToList())
        {
            if (row[key] is string value && value != PersonalData.Erased)
            {
                row[key] = PersonalData.Erased;
                changed = true;
            }
        }
        return changed;
    }
}
