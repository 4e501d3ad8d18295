using System.Reflection;
using CustomerFunctions.Core.Email;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Hosting;
using CustomerFunctions.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Tests.Architecture;

/// <summary>
/// src/Core registers its services by hand, feature by feature; these tests catch what a forgotten line would break
/// only at run time (no I/O: the container is built, nothing is started).
/// </summary>
public sealed class ExplicitWiring : IDisposable
{
    private readonly ServiceProvider services = Build();

    public void Dispose() => services.Dispose();

    [Fact]
    public void EveryRoutesEndpointClass_IsRegistered()
    {
        var missing = ApiRoutes.All.Where(r => services.GetService(r.Endpoints) is null).Select(r => $"{r.Name} ({r.Endpoints.Name})").ToList();
        Assert.True(missing.Count == 0, "Endpoint classes not registered by their feature's Add... method: " + string.Join(", ", missing));
    }

    [Fact]
    public void TheServiceEverySideEffectNames_IsRegistered()
    {
        var named = typeof(SideEffect).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(SideEffect)) && !t.IsAbstract)
            .Select(t => (Effect: t, Service: ServiceOf(t)))
            .Where(x => x.Service is not null)
            .ToList();

        Assert.NotEmpty(named);
        Assert.All(named, x => Assert.True(services.GetService(x.Service!) is not null, $"{x.Effect.Name} runs on {x.Service!.Name}, which is not registered."));
    }

    [Fact]
    public void EveryEmailTemplateSet_IsRegistered_AndEveryTemplateRendersInEveryLanguage()
    {
        var sets = typeof(IEmailTemplateSet).Assembly.GetTypes()
            .Where(t => typeof(IEmailTemplateSet).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false })
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal);
        var registered = services.GetServices<IEmailTemplateSet>().Select(s => s.GetType().FullName!).Order(StringComparer.Ordinal);
        Assert.Equal(sets, registered);

        var templates = services.GetRequiredService<EmailTemplates>();
        var names = templates.All.Select(t => t.Name).Distinct().ToList();
        Assert.NotEmpty(names);
        foreach (var name in names)
        {
            Assert.Equal(EmailTemplates.Languages.Order(), templates.All.Where(t => t.Name == name).Select(t => t.Language).Order());
        }
    }

    [Fact]
    public void TheHistoryFilter_KnowsExactlyTheCatalogsEventTypes()
    {
        var catalog = typeof(EventTypes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(catalog, KnownEventTypes.All.Order(StringComparer.Ordinal));
    }

    private static Type? ServiceOf(Type effect)
    {
        for (var type = effect.BaseType; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(SideEffect<>))
            {
                return type.GetGenericArguments()[0];
            }
        }
        return null;
    }

    private static ServiceProvider Build()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Auth:DevelopmentSigningKey"] = Infrastructure.ServiceFixture.SigningKey,
            ["Email:PickupDirectory"] = Path.GetTempPath(),
        }).Build();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddCustomerCore(configuration, isDevelopment: true);
        return collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
