//! The `vitrine` binary: parse the command line, set up logging, run the command.

use clap::Parser;
use tracing_subscriber::EnvFilter;
use vitrine::config::{Cli, Command, Settings};
use vitrine::db::DatabaseUrl;
use vitrine::{backup, commands, startup::Application};

#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();

    let cli = Cli::parse();
    match cli.command.unwrap_or(Command::Serve(Box::new(cli.serve))) {
        Command::Serve(serve) => {
            let app = Application::build(Settings::new(&cli.database, *serve)).await?;
            app.run_until_stopped().await?;
        }
        Command::SeedBench { shops, products } => {
            commands::seed_bench(&cli.database, shops, products)?
        }
        Command::Openapi => print!("{}", vitrine::routes::openapi_yaml()?),
        Command::Migrate => commands::migrate(&cli.database)?,
        Command::SeedDemo => commands::seed_demo(&cli.database)?,
        Command::CreateAdmin {
            email,
            password,
            name,
        } => commands::create_admin(&cli.database, &email, &password, &name)?,
        // Backups.
        Command::Backup { file } => {
            let contents = backup::backup(&DatabaseUrl::parse(&cli.database.database_url), &file)?;
            println!("backed up {contents} to {}", file.display());
        }
        Command::Restore { file } => {
            let restored = backup::restore(&DatabaseUrl::parse(&cli.database.database_url), &file)?;
            println!("{restored}");
        }
    }
    Ok(())
}
