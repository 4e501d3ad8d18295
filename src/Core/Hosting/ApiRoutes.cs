using CustomerFunctions.Core.Api;

namespace CustomerFunctions.Core.Hosting;

/// <summary>
/// The route table: every HTTP endpoint of the service, once, gathered from the features' route lists. src/Server
/// maps it; src/Functions declares one [Function] per entry with the same name, verb and route (a test compares them).
/// </summary>
public static class ApiRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
        .. CustomerFunctions.Core.Customers.CustomerRoutes.All,
        .. CustomerFunctions.Core.History.HistoryRoutes.All,
        .. CustomerFunctions.Core.Members.MemberRoutes.All,
        .. CustomerFunctions.Core.Invitations.InvitationRoutes.All,
        .. CustomerFunctions.Core.Projects.ProjectRoutes.All,
        .. CustomerFunctions.Core.Usage.UsageRoutes.All,
        .. CustomerFunctions.Core.Deletion.DeletionRoutes.All,
        .. CustomerFunctions.Core.Partners.PartnerRoutes.All,
        .. CustomerFunctions.Core.Settings.SettingsRoutes.All,
        .. CustomerFunctions.Core.Registration.RegistrationRoutes.All,
        .. CustomerFunctions.Core.Messages.MessageRoutes.All,
        .. CustomerFunctions.Core.Products.ProductRoutes.All,
        .. CustomerFunctions.Core.Impersonation.ImpersonationRoutes.All,
        .. CustomerFunctions.Core.Email.EmailRoutes.All,
        .. CustomerFunctions.Core.Operations.OperationsRoutes.All,
    ];
}
