using Azure.Data.Tables;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Deletion;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Invitations;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Messages;
using CustomerFunctions.Core.Partners;
using CustomerFunctions.Core.Products;
using CustomerFunctions.Core.Projects;
using CustomerFunctions.Core.Registration;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Accounts;

/// <summary>
/// The map of an account partition (table <c>Accounts</c>, PartitionKey = account id): every kind of row it holds, its
/// key prefix, its mapper and what erasure does to it. Reads, queries and writes name a kind from here; erasure walks
/// <see cref="All"/>, so a kind added here without an erasure decision cannot be forgotten.
/// </summary>
public static class AccountPartition
{
    /// <summary>The account itself; its ETag guards every command.</summary>
    public static readonly RowKind<Account> Profile = new(AccountRow.Key, new AccountRow(), Erasure.Keep);

    /// <summary>member|{encoded user id}: a user's role in the account.</summary>
    public static readonly RowKind<Member> Members = new(MemberRow.Prefix, new MemberRow(), Erasure.Delete);

    /// <summary>invitation|{id}: invitations by email, pending or settled.</summary>
    public static readonly RowKind<Invitation> Invitations = new(InvitationRow.Prefix, new InvitationRow(), Erasure.Scrub);

    /// <summary>invitecount: the account's invitation emails in the current window (a rate limit; ids and counts only).</summary>
    public static readonly RowKind<FixedWindow> InvitationCounts = new(InvitationCountRow.Prefix, new InvitationCountRow(), Erasure.Keep);

    /// <summary>project|{id}: projects within the quota.</summary>
    public static readonly RowKind<Project> Projects = new(ProjectRow.Prefix, new ProjectRow(), Erasure.Keep);

    /// <summary>formerproject|{id}: a deleted project's name, for the usage recorded while it lived (company data, like projects).</summary>
    public static readonly RowKind<Project> FormerProjects = new(ProjectRow.FormerPrefix, new ProjectRow(ProjectRow.FormerPrefix), Erasure.Keep);

    /// <summary>access|{user}|{project}: who may use which project; sorted by user so a member's access is one range.</summary>
    public static readonly RowKind<ProjectAccess> ProjectAccess = new(ProjectAccessRow.Prefix, new ProjectAccessRow(), Erasure.Delete);

    /// <summary>product|{id}: the customer's visibility and status of a product (drives the stage).</summary>
    public static readonly RowKind<CustomerProduct> Products = new(CustomerProductRow.Prefix, new CustomerProductRow(), Erasure.Keep);

    /// <summary>globalproduct|{id}: a partner's visibility of a product for all its customers.</summary>
    public static readonly RowKind<PartnerProduct> PartnerProducts = new(PartnerProductRow.Prefix, new PartnerProductRow(), Erasure.Keep);

    /// <summary>message|{id}: messages sent to the account's users.</summary>
    public static readonly RowKind<Message> Messages = new(MessageRow.Prefix, new MessageRow(), Erasure.Scrub);

    /// <summary>msgack|{message}|{user}: who acknowledged a message.</summary>
    public static readonly RowKind<Acknowledgement> Acknowledgements = new(AcknowledgementRow.Prefix, new AcknowledgementRow(), Erasure.Scrub);

    /// <summary>partnermessage|{id}: a message a partner sent to all its customers (in the partner's partition).</summary>
    public static readonly RowKind<PartnerMessage> PartnerMessages = new(PartnerMessageRow.Prefix, new PartnerMessageRow(), Erasure.Scrub);

    /// <summary>deletion|{inverted time}|{id}: deletion requests, newest first.</summary>
    public static readonly RowKind<DeletionRequest> DeletionRequests = new(DeletionRequestRow.Prefix, new DeletionRequestRow(), Erasure.Scrub);

    /// <summary>link|{id}: a partner's invitation links (in the partner's partition).</summary>
    public static readonly RowKind<InvitationLink> InvitationLinks = new(InvitationLinkRow.Prefix, new InvitationLinkRow(), Erasure.Keep);

    /// <summary>linkuse|{link}|{registration hash}: one registration through a link (counts uses exactly once).</summary>
    public static readonly RowKind<InvitationLinkUse> InvitationLinkUses = new(InvitationLinkUseRow.Prefix, new InvitationLinkUseRow(), Erasure.Keep);

    /// <summary>partnersettings: who at a partner is emailed about its customers' deletion requests (its extra address is personal data).</summary>
    public static readonly RowKind<PartnerSettings> PartnerSettings = new(PartnerSettingsRow.Prefix, new PartnerSettingsRow(), Erasure.Delete);

    /// <summary>registration: how a self-registered account came to be (its registrant).</summary>
    public static readonly RowKind<RegistrationRecord> Registration = new(RegistrationRecordRow.Prefix, new RegistrationRecordRow(), Erasure.Scrub);

    /// <summary>event|{inverted time}|{id}: the history, newest first, written in each command's transaction.</summary>
    public static readonly RowKind<HistoryEvent> Events = new(HistoryEventRow.Prefix, new HistoryEventRow(), Erasure.Scrub);

    /// <summary>outbox|{command id}: side effects a committed command still owes.</summary>
    public static readonly RowKind<TableEntity> Outbox = Storage.Outbox.Kind;

    /// <summary>idem|{hash of user and key}: the stored answer to a POST sent with an Idempotency-Key.</summary>
    public static readonly RowKind<TableEntity> Idempotency = new("idem|", RawRow.Instance, Erasure.Delete);

    /// <summary>
    /// The key part all of one user's access rows start with. The user part escapes '|' as well (Encode already
    /// escapes '%'), so user "a" never matches the rows of user "a|b" (identity providers such as Auth0 put '|' in subjects).
    /// </summary>
    public static string AccessOfUser(string userId) => KeyEncoding.Encode(userId).Replace("|", "%7C", StringComparison.Ordinal) + "|";

    public static readonly IReadOnlyList<IRowKind> All =
    [
        Profile, Members, Invitations, InvitationCounts, Projects, FormerProjects, ProjectAccess, Products, PartnerProducts, Messages, Acknowledgements, PartnerMessages,
        DeletionRequests, InvitationLinks, InvitationLinkUses, PartnerSettings, Registration, Events, Outbox, Idempotency,
    ];
}
