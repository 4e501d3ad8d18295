using CustomerFunctions.Core.Email;

namespace CustomerFunctions.Core.Deletion;

/// <summary>The emails about each status change of a deletion request, in English and German.</summary>
public sealed class DeletionEmails : IEmailTemplateSet
{
    public const string Requested = "deletion-requested";
    public const string Cancelled = "deletion-cancelled";
    public const string Deleted = "customer-deleted";

    public IEnumerable<EmailTemplate> Templates =>
    [
        new(Requested, "en", EmailClass.Notice, "Deletion of {accountName} requested",
            "Hello {recipientName},\n\n{requestedBy} asked on {requestedAt} for the account {accountName} ({accountId}) to be deleted.\n" +
            "Its products are stopped. Unless the request is cancelled, the account and the personal data in it are deleted on {dueAt}.\n\nReason given: {reason}\n"),
        new(Requested, "de", EmailClass.Notice, "Löschung von {accountName} beantragt",
            "Hallo {recipientName},\n\n{requestedBy} hat am {requestedAt} die Löschung des Kontos {accountName} ({accountId}) beantragt.\n" +
            "Seine Produkte sind angehalten. Wird der Antrag nicht zurückgezogen, werden das Konto und die personenbezogenen Daten darin am {dueAt} gelöscht.\n\nAngegebener Grund: {reason}\n"),
        new(Cancelled, "en", EmailClass.Notice, "Deletion of {accountName} cancelled",
            "Hello {recipientName},\n\nThe request to delete the account {accountName} ({accountId}) was cancelled by {cancelledBy} on {cancelledAt}.\n" +
            "The account is active again and its products are back as they were.\n"),
        new(Cancelled, "de", EmailClass.Notice, "Löschung von {accountName} zurückgezogen",
            "Hallo {recipientName},\n\nDer Antrag auf Löschung des Kontos {accountName} ({accountId}) wurde am {cancelledAt} von {cancelledBy} zurückgezogen.\n" +
            "Das Konto ist wieder aktiv, seine Produkte sind wieder im vorherigen Zustand.\n"),
        new(Deleted, "en", EmailClass.Notice, "{accountName} has been deleted",
            "Hello {recipientName},\n\nThe account {accountName} ({accountId}) was deleted on {deletedAt}.\n" +
            "Its users no longer have access, and the names and email addresses stored in it are erased. Its identifier stays reserved.\n"),
        new(Deleted, "de", EmailClass.Notice, "{accountName} wurde gelöscht",
            "Hallo {recipientName},\n\nDas Konto {accountName} ({accountId}) wurde am {deletedAt} gelöscht.\n" +
            "Seine Benutzer haben keinen Zugriff mehr, die darin gespeicherten Namen und E-Mail-Adressen sind gelöscht. Seine Kennung bleibt reserviert.\n"),
    ];
}
