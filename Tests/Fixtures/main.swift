import KripkeCLI
import Specs

SpecCatalog.install(SpecLibrary.all + FixtureSpecs.all)
KripkeMain.run()
