using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Customers.List;
using CustomerFunctions.Core.Deletion;
using CustomerFunctions.Core.Email;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Impersonation;
using CustomerFunctions.Core.Invitations;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Messages;
using CustomerFunctions.Core.Operations;
using CustomerFunctions.Core.Partners;
using CustomerFunctions.Core.Products;
using CustomerFunctions.Core.Projects;
using CustomerFunctions.Core.Registration;
using CustomerFunctions.Core.Settings;
using CustomerFunctions.Core.Usage;

namespace CustomerFunctions.Core.Api;

/// <summary>
/// Examples of the remaining bodies, written as JSON (one story: the customer "acme" of the partner "northwind").
/// Shorter than constructing every view; a contract test validates each against its schema, so none can name a field
/// the API does not have or leave out one it always writes.
/// </summary>
internal static class OpenApiJsonExamples
{
    public static readonly Dictionary<Type, string> Bodies = new()
    {
        [typeof(SetCustomerStatusBody)] = """{ "status": "disabled" }""",
        [typeof(SetCustomerQuotaBody)] = """{ "projects": 25 }""",
        [typeof(SetAccountKindBody)] = """{ "kind": "partner" }""",
        [typeof(ChangeRoleBody)] = """{ "role": "customerAdmin" }""",
        [typeof(UpdateMemberBody)] = """{ "name": "Ada King", "language": "en" }""",
        [typeof(AcceptInvitationBody)] = """{ "token": "q9Vd2kLw0sXbT4rYc7mN1pZ8" }""",
        [typeof(RecordUsageBody)] = """
            { "records": [{ "id": "u-2026-01-31-web-shop", "projectId": "web-shop", "product": "storage", "metric": "stored",
              "quantity": 12.5, "unit": "GB", "from": "2026-01-01T00:00:00+00:00", "to": "2026-02-01T00:00:00+00:00" }] }
            """,
        [typeof(RequestDeletionBody)] = """{ "reason": "We moved to another provider." }""",
        [typeof(CancelDeletionBody)] = """{ "note": "Contract renewed on the phone." }""",
        [typeof(PartnerSettingsBody)] = """{ "deletionNotices": "allMembers", "noticeAddress": "notices@northwind.example" }""",
        [typeof(UpdateSettingsBody)] = """{ "selfRegistration": "approvalRequired", "deletionGraceDays": 30 }""",
        [typeof(RegisterBody)] = """
            { "companyName": "Contoso AG", "id": "contoso", "email": "grace@contoso.example", "fullName": "Grace Hopper", "language": "en" }
            """,
        [typeof(ConfirmRegistrationBody)] = """{ "token": "b3JkZXItY29uZmlybS0xMjM0NTY" }""",
        [typeof(RejectCustomerBody)] = """{ "reason": "Duplicate of the account contoso-ag." }""",
        [typeof(CreateInvitationLinkBody)] = """{ "expiresAt": "2026-02-01T00:00:00+00:00", "maxUses": 20 }""",
        [typeof(SendMessageBody)] = """
            { "subject": "Maintenance on Saturday", "body": "The service is read-only on Saturday from 06:00 to 08:00 UTC.",
              "mode": "allMustRead", "audience": "everyone" }
            """,
        [typeof(UpsertProductBody)] = """{ "name": "Cloud storage" }""",
        [typeof(PartnerVisibilityBody)] = """{ "visible": false }""",
        [typeof(SetCustomerProductBody)] = """{ "visible": true, "status": "trial" }""",
        [typeof(StartImpersonationBody)] = """{ "reason": "Ticket 4711: the customer cannot see their projects." }""",

        [typeof(AccountCounts)] = """
            { "total": 42, "byStatus": { "active": 35, "pendingApproval": 3, "disabled": 2, "deletionRequested": 2 },
              "byStage": { "preparation": 6, "trial": 10, "active": 24, "trialEnd": 2 }, "testAccounts": 4 }
            """,
        [typeof(SellerEndpoints.SellerList)] = """{ "items": [{ "seller": "Sam Seller", "customers": 12 }, { "seller": "Kim Key", "customers": 5 }] }""",
        [typeof(HistoryPage)] = """
            { "items": [{ "id": "evt-01HZX9", "type": "CUSTOMER_UPDATED", "at": "2026-01-08T09:30:00+00:00",
              "actor": { "userId": "user-7f3a" }, "changes": [{ "field": "name", "from": "Acme GmbH", "to": "Acme Group GmbH" }] }],
              "continuationToken": "eyJyayI6ImV2dC0wMUhaWDkifQ.c2lnbmF0dXJl" }
            """,
        [typeof(MeView)] = """
            { "userId": "user-7f3a", "email": "ada@acme.example", "name": "Ada Lovelace", "isOperator": false,
              "memberships": [{ "customerId": "acme", "name": "Acme GmbH", "kind": "customer", "role": "customerAdmin", "status": "active", "partnerId": "northwind" }],
              "features": { "selfRegistration": "approvalRequired", "invitationLinks": true } }
            """,
        [typeof(InvitationList)] = """
            { "items": [{ "id": "inv-01HZX3", "state": "pending", "email": "grace@acme.example", "fullName": "Grace Hopper", "role": "customerEmployee",
              "expiresAt": "2026-01-12T09:30:00+00:00", "sentAt": "2026-01-05T09:30:00+00:00", "resendCount": 0,
              "invitedBy": { "userId": "user-7f3a", "name": "Ada Lovelace" }, "createdAt": "2026-01-05T09:30:00+00:00" }] }
            """,
        [typeof(AcceptedInvitationView)] = """{ "customerId": "acme", "name": "Acme GmbH", "kind": "customer", "role": "customerEmployee", "alreadyMember": false }""",
        [typeof(ProjectListView)] = """
            { "items": [{ "id": "web-shop", "name": "Web shop", "createdAt": "2026-01-05T09:30:00+00:00", "createdBy": "user-7f3a",
              "members": [{ "userId": "user-9c21", "email": "grace@acme.example", "name": "Grace Hopper", "role": "customerEmployee",
              "grantedAt": "2026-01-06T10:00:00+00:00", "grantedBy": "user-7f3a" }] }] }
            """,
        [typeof(ProjectAccessView)] = """{ "projectId": "web-shop", "userId": "user-9c21", "grantedAt": "2026-01-06T10:00:00+00:00", "grantedBy": "user-7f3a" }""",
        [typeof(RecordUsageResult)] = """{ "recorded": 1 }""",
        [typeof(UsageReport)] = """
            { "from": "2026-01-01T00:00:00+00:00", "to": "2026-02-01T00:00:00+00:00", "groupBy": "project",
              "items": [{ "projectId": "web-shop", "projectName": "Web shop", "unit": "GB", "quantity": 12.5, "records": 31 }] }
            """,
        [typeof(DeletionRequestView)] = """
            { "id": "del-01HZY0", "outcome": "pending", "reason": "We moved to another provider.", "requestedAt": "2026-01-10T08:00:00+00:00",
              "requestedBy": { "userId": "user-7f3a" }, "dueAt": "2026-02-09T08:00:00+00:00" }
            """,
        [typeof(DeletionRequestPage)] = """
            { "items": [{ "id": "del-01HZY0", "outcome": "cancelled", "reason": "We moved to another provider.", "requestedAt": "2026-01-10T08:00:00+00:00",
              "requestedBy": { "userId": "user-7f3a" }, "dueAt": "2026-02-09T08:00:00+00:00", "closedAt": "2026-01-12T14:00:00+00:00",
              "closedBy": { "userId": "user-2b10", "impersonatedBy": "operator-1" }, "note": "Contract renewed on the phone." }] }
            """,
        [typeof(PartnerSettingsView)] = """{ "deletionNotices": "allMembers", "noticeAddress": "notices@northwind.example" }""",
        [typeof(SettingsView)] = """
            { "selfRegistration": "approvalRequired", "invitationLinks": true, "deletionGraceDays": 30,
              "updatedAt": "2026-01-02T12:00:00+00:00", "updatedBy": "operator-1" }
            """,
        [typeof(SettingsAuditPage)] = """
            { "items": [{ "id": "set-00000003", "revision": 3, "at": "2026-01-02T12:00:00+00:00", "userId": "operator-1",
              "changes": [{ "field": "deletionGraceDays", "from": 14, "to": 30 }] }] }
            """,
        [typeof(PublicSettingsView)] = """{ "selfRegistration": "approvalRequired", "invitationLinks": true, "languages": ["de", "en"] }""",
        [typeof(InvitationLinkView)] = """
            { "id": "link-01HZZ4", "url": "https://panel.example/register?link=Zm9yLWV4YW1wbGUtb25seQ", "expiresAt": "2026-02-01T00:00:00+00:00",
              "maxUses": 20, "uses": 0, "state": "active", "createdAt": "2026-01-05T09:30:00+00:00", "createdBy": "user-4d88" }
            """,
        [typeof(InvitationLinkPage)] = """
            { "items": [{ "id": "link-01HZZ4", "url": "https://panel.example/register?link=Zm9yLWV4YW1wbGUtb25seQ", "expiresAt": "2026-02-01T00:00:00+00:00",
              "maxUses": 20, "uses": 3, "state": "active", "createdAt": "2026-01-05T09:30:00+00:00", "createdBy": "user-4d88" }] }
            """,
        [typeof(MessageView)] = """
            { "id": "msg-01J0A1", "subject": "Maintenance on Saturday", "body": "The service is read-only on Saturday from 06:00 to 08:00 UTC.",
              "mode": "allMustRead", "sentAt": "2026-01-07T16:00:00+00:00", "sentBy": { "userId": "user-4d88", "name": "Nora North" },
              "partnerWide": false, "acknowledgements": [{ "userId": "user-7f3a", "name": "Ada Lovelace", "at": "2026-01-07T16:20:00+00:00" }],
              "audience": "everyone" }
            """,
        [typeof(MessageList)] = """
            { "items": [{ "id": "msg-01J0A1", "subject": "Maintenance on Saturday", "body": "The service is read-only on Saturday from 06:00 to 08:00 UTC.",
              "mode": "singleRead", "sentAt": "2026-01-07T16:00:00+00:00", "sentBy": { "userId": "user-4d88", "name": "Nora North" },
              "partnerWide": true, "closedAt": "2026-01-07T16:20:00+00:00", "acknowledgements": [], "audience": "admins" }] }
            """,
        [typeof(PartnerMessageView)] = """
            { "id": "pmsg-01J0B2", "partnerId": "northwind", "subject": "New prices from March",
              "body": "Our price list changes on 1 March; the new list is in the panel.", "mode": "singleRead",
              "sentAt": "2026-01-07T16:00:00+00:00", "sentBy": { "userId": "user-4d88", "name": "Nora North" }, "audience": "admins" }
            """,
        [typeof(InboxList)] = """
            { "items": [{ "accountId": "acme", "accountName": "Acme GmbH", "messageId": "msg-01J0A1", "subject": "Maintenance on Saturday",
              "body": "The service is read-only on Saturday from 06:00 to 08:00 UTC.", "mode": "allMustRead", "sentAt": "2026-01-07T16:00:00+00:00" }] }
            """,
        [typeof(ProductView)] = """{ "id": "storage", "name": "Cloud storage", "createdAt": "2025-11-01T08:00:00+00:00", "updatedAt": "2026-01-03T10:15:00+00:00" }""",
        [typeof(ProductList)] = """
            { "items": [{ "id": "storage", "name": "Cloud storage", "createdAt": "2025-11-01T08:00:00+00:00", "updatedAt": "2026-01-03T10:15:00+00:00" },
              { "id": "backup", "name": "Backup", "createdAt": "2025-11-01T08:00:00+00:00", "updatedAt": "2025-11-01T08:00:00+00:00" }] }
            """,
        [typeof(PartnerProductView)] = """{ "id": "backup", "name": "Backup", "visible": false }""",
        [typeof(PartnerProductList)] = """{ "items": [{ "id": "storage", "name": "Cloud storage", "visible": true }, { "id": "backup", "name": "Backup", "visible": false }] }""",
        [typeof(CustomerProductView)] = """{ "id": "storage", "name": "Cloud storage", "visible": true, "visibilitySource": "custom", "status": "trial" }""",
        [typeof(CustomerProductList)] = """
            { "items": [{ "id": "storage", "name": "Cloud storage", "visible": true, "visibilitySource": "inherited", "status": "active" },
              { "id": "backup", "name": "Backup", "visible": false, "visibilitySource": "inherited", "status": "notActivated" }] }
            """,
        [typeof(ImpersonationGrant)] = """
            { "token": "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJvcGVyYXRvci0xIn0.c2lnbmF0dXJl", "expiresAt": "2026-01-08T10:30:00+00:00",
              "impersonationId": "imp-01J0C3", "accountId": "acme" }
            """,
        [typeof(FailedEmailList)] = """
            { "items": [{ "emailId": "mail-01J0D4", "template": "invitation", "accountId": "acme", "attempts": 5,
              "error": "550 5.1.1 mailbox unavailable", "queuedAt": "2026-01-05T09:30:00+00:00", "failedAt": "2026-01-05T11:02:00+00:00",
              "keptSince": "2026-01-05T11:02:00+00:00" }], "approximateTotal": 1 }
            """,
        [typeof(ParkedEffectList)] = """
            { "items": [{ "accountId": "acme", "effectId": "eff-01J0E5", "effectKinds": ["SyncAccountListing", "SendEmail"],
              "error": "The table service answered 503 on every attempt.", "attempts": 8, "parkedAt": "2026-01-06T03:12:00+00:00" }] }
            """,
        [typeof(ReplayedEffect)] = """{ "accountId": "acme", "effectId": "eff-01J0E5", "outcome": "done" }""",
    };
}
