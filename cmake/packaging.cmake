# Installing and the Debian package (CPack): the two programs, the method's resources and the
# bundled sample under share/greenrenew/resources (gis::resourceDir finds them beside the
# installed program), a desktop entry and an icon. `cpack -G DEB` in the build folder.
include(GNUInstallDirs)

install(TARGETS greenrenew greenrenew-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/method ${PROJECT_SOURCE_DIR}/resources/sample
        DESTINATION ${CMAKE_INSTALL_DATADIR}/greenrenew/resources)
install(FILES ${PROJECT_SOURCE_DIR}/resources/packaging/greenrenew.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/resources/packaging/greenrenew.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${PROJECT_SOURCE_DIR}/README.md
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/greenrenew)

set(CPACK_PACKAGE_NAME greenrenew)
set(CPACK_PACKAGE_VENDOR "GreenRenew")
set(CPACK_PACKAGE_CONTACT "GreenRenew developers <greenrenew@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "GIS planning of the green, low-carbon micro-renewal of old city districts")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "Imports parcels, buildings, green space, streets and facilities; computes building "
    "density, floor area ratio, green coverage and walking life-circle gaps; sorts carbon "
    "sources and suggests interventions; writes maps and reports in Chinese and English. "
    "Desktop application (greenrenew) and batch command (greenrenew-cli).")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
# The shared libraries' packages (Qt 6, GDAL, GEOS, PROJ, libpq, Boost.Graph) from
# dpkg-shlibdeps; beside them what is loaded at run time rather than linked: Qt's platform
# plugins (X11, Wayland, offscreen) and a font with Chinese characters for maps and reports.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, fonts-wqy-microhei")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/README.md)
include(CPack)
