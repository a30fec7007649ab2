<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnnotationLayer</name>
    <message>
        <source>add %1</source>
        <translation>添加%1</translation>
    </message>
    <message>
        <source>delete %1</source>
        <translation>删除%1</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>arrow</source>
        <translation>箭头</translation>
    </message>
    <message>
        <source>callout</source>
        <translation>引线标注</translation>
    </message>
    <message>
        <source>intervention symbol</source>
        <translation>改造措施符号</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>add vertex</source>
        <translation>添加顶点</translation>
    </message>
    <message>
        <source>A parcel needs at least three corners.</source>
        <translation>地块至少需要三个角点。</translation>
    </message>
    <message>
        <source>Select the parcel to split first.</source>
        <translation>请先选择要分割的地块。</translation>
    </message>
</context>
<context>
    <name>TeamEditing</name>
    <message>
        <source>Another designer saved this parcel</source>
        <translation>另一位设计人员已保存此地块</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留我的版本</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>采用对方版本</translation>
    </message>
</context>
<context>
    <name>greenrenew::ui::AnnotationController</name>
    <message>
        <source>Text:</source>
        <translation>文字：</translation>
    </message>
    <message>
        <source>Intervention:</source>
        <translation>改造措施：</translation>
    </message>
    <message>
        <source>Select &amp;Annotations</source>
        <translation>选择注记(&amp;A)</translation>
    </message>
    <message>
        <source>Add &amp;Text</source>
        <translation>添加文字(&amp;T)</translation>
    </message>
    <message>
        <source>Add A&amp;rrow</source>
        <translation>添加箭头(&amp;R)</translation>
    </message>
    <message>
        <source>Add &amp;Callout</source>
        <translation>添加引线标注(&amp;C)</translation>
    </message>
    <message>
        <source>Add &amp;Intervention Symbol</source>
        <translation>添加改造措施符号(&amp;I)</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>Edit Annotation Te&amp;xt…</source>
        <translation>编辑注记文字(&amp;X)…</translation>
    </message>
    <message>
        <source>F2</source>
        <translation>F2</translation>
    </message>
    <message>
        <source>Delete Annotatio&amp;n</source>
        <translation>删除注记(&amp;N)</translation>
    </message>
    <message>
        <source>Shift+Del</source>
        <translation>Shift+Del</translation>
    </message>
    <message>
        <source>Open a data set before annotating its map.</source>
        <translation>请先打开数据集，再为其地图添加注记。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>The method has no intervention techniques to place.</source>
        <translation>方法参数中没有可放置的更新技术。</translation>
    </message>
    <message>
        <source>Intervention symbol</source>
        <translation>改造措施符号</translation>
    </message>
    <message>
        <source>Annotation text</source>
        <translation>注记文字</translation>
    </message>
    <message>
        <source>move %1</source>
        <translation>移动%1</translation>
    </message>
    <message>
        <source>edit %1</source>
        <translation>编辑%1</translation>
    </message>
</context>
<context>
    <name>greenrenew::ui::AttributeTable</name>
    <message>
        <source>Filter by any text (id, name, type, source)…</source>
        <translation>按任意文字筛选（编号、名称、类型、来源）…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / 共 %2</translation>
    </message>
</context>
<context>
    <name>greenrenew::ui::EditController</name>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>没有可撤销的操作</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>撤销%1</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>没有可重做的操作</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>重做%1</translation>
    </message>
    <message>
        <source>Move &amp;Vertices</source>
        <translation>移动顶点(&amp;V)</translation>
    </message>
    <message>
        <source>V</source>
        <translation>V</translation>
    </message>
    <message>
        <source>&amp;Draw Parcel</source>
        <translation>绘制地块(&amp;D)</translation>
    </message>
    <message>
        <source>D</source>
        <translation>D</translation>
    </message>
    <message>
        <source>&amp;Split Parcel</source>
        <translation>分割地块(&amp;S)</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>&amp;Merge Selected</source>
        <translation>合并所选地块(&amp;M)</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>De&amp;lete Selected</source>
        <translation>删除所选地块(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Finish Shape</source>
        <translation>完成图形(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Cancel Shape</source>
        <translation>取消图形(&amp;C)</translation>
    </message>
</context>
<context>
    <name>greenrenew::ui::EditSession</name>
    <message>
        <source>Parcel %1 was removed before the edit was finished: &quot;%2&quot; was not applied.</source>
        <translation>地块 %1 在编辑完成前已被删除：“%2”未被应用。</translation>
    </message>
</context>
<context>
    <name>greenrenew::ui::EditingRulesDialog</name>
    <message>
        <source>Editing rules</source>
        <translation>编辑规则</translation>
    </message>
    <message>
        <source>Allow parcels to overlap (reported, never refused)</source>
        <translation>允许地块重叠（仅提示，不拒绝）</translation>
    </message>
    <message>
        <source>Cut an edited parcel back to its neighbours instead of refusing</source>
        <translation>将编辑的地块裁回至相邻地块边界，而不拒绝编辑</translation>
    </message>
    <message>
        <source>the larger part</source>
        <translation>面积较大的部分</translation>
    </message>
    <message>
        <source>the first selected parcel</source>
        <translation>第一个选中的地块</translation>
    </message>
    <message>
        <source>Attribute names, separated by commas, whose numbers a split shares out by area and a merge adds up</source>
        <translation>按面积拆分、合并时相加的属性名，以逗号分隔</translation>
    </message>
    <message>
        <source>Overlap tolerated up to</source>
        <translation>允许的重叠面积上限</translation>
    </message>
    <message>
        <source>Pieces and gaps smaller than this are slivers</source>
        <translation>小于此面积的碎片与缝隙视为狭长碎片</translation>
    </message>
    <message>
        <source>A merged parcel&apos;s type and name come from</source>
        <translation>合并后地块的类型与名称取自</translation>
    </message>
    <message>
        <source>Split by area, added on merge</source>
        <translation>按面积拆分、合并时相加</translation>
    </message>
</context>
<context>
    <name>greenrenew::ui::HelpViewer</name>
    <message>
        <source>GreenRenew User Guide</source>
        <translation>GreenRenew 用户指南</translation>
    </message>
</context>
<context>
    <name>greenrenew::ui::ImportReportView</name>
    <message>
        <source>Layer / issue</source>
        <translation>图层 / 问题</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>已读取</translation>
    </message>
    <message>
        <source>Repaired</source>
        <translation>已修复</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>%1, feature %2</source>
        <translation>%1，要素 %2</translation>
    </message>
    <message>
        <source>encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>CRS</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Project CRS</source>
        <translation>项目坐标系</translation>
    </message>
</context>
<context>
    <name>greenrenew::ui::LayerMappingDialog</name>
    <message>
        <source>Parcels</source>
        <translation>地块</translation>
    </message>
    <message>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <source>Green spaces</source>
        <translation>绿地</translation>
    </message>
    <message>
        <source>Streets</source>
        <translation>街道</translation>
    </message>
    <message>
        <source>Daily facilities</source>
        <translation>日常服务设施</translation>
    </message>
    <message>
        <source>Not used</source>
        <translation>不使用</translation>
    </message>
    <message>
        <source>Layer mapping – %1</source>
        <translation>图层对应 – %1</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Geometry</source>
        <translation>几何类型</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>要素数</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>读作</translation>
    </message>
    <message>
        <source>as the data declares it, e.g. EPSG:4547</source>
        <translation>按数据声明的坐标系，例如 EPSG:4547</translation>
    </message>
    <message>
        <source>WGS 84 / CGCS2000 (no offset)</source>
        <translation>WGS 84 / CGCS2000（无偏移）</translation>
    </message>
    <message>
        <source>GCJ-02 (Amap, Tencent)</source>
        <translation>GCJ-02（高德、腾讯）</translation>
    </message>
    <message>
        <source>BD-09 (Baidu)</source>
        <translation>BD-09（百度）</translation>
    </message>
    <message>
        <source>CRS of the data</source>
        <translation>数据坐标系</translation>
    </message>
    <message>
        <source>Facility coordinates</source>
        <translation>设施坐标</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Choose what each layer is. Layers named in English or Chinese are found by themselves; set the rest here.</source>
        <translation>请指定每个图层的用途。以中文或英文命名的图层会被自动识别；其余的在此设置。</translation>
    </message>
    <message>
        <source>%1 is chosen for %2 layers (%3): one layer per role</source>
        <translation>%1 被指定给了 %2 个图层（%3）：每种用途只能对应一个图层</translation>
    </message>
    <message>
        <source>Choose a parcels layer, or a streets layer whose blocks become the parcels</source>
        <translation>请选择地块图层，或选择街道图层并以其围合的街块作为地块</translation>
    </message>
    <message>
        <source>Parcel id</source>
        <translation>地块编号（数字）</translation>
    </message>
    <message>
        <source>Parcel code (DKBH)</source>
        <translation>地块编码（DKBH）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Renewal type</source>
        <translation>更新类型</translation>
    </message>
    <message>
        <source>Floors</source>
        <translation>层数</translation>
    </message>
    <message>
        <source>Height (m)</source>
        <translation>高度（米）</translation>
    </message>
    <message>
        <source>Building use</source>
        <translation>建筑用途</translation>
    </message>
    <message>
        <source>Kind of green space</source>
        <translation>绿地类型</translation>
    </message>
    <message>
        <source>Street class (highway)</source>
        <translation>道路等级（highway）</translation>
    </message>
    <message>
        <source>Walkable (yes/no)</source>
        <translation>可步行（是/否）</translation>
    </message>
    <message>
        <source>Foot access (foot)</source>
        <translation>步行通行（foot）</translation>
    </message>
    <message>
        <source>Facility category</source>
        <translation>设施类别</translation>
    </message>
    <message>
        <source>OpenStreetMap tag</source>
        <translation>OpenStreetMap 标签</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Model field</source>
        <translation>模型字段</translation>
    </message>
    <message>
        <source>Read from field</source>
        <translation>读取字段</translation>
    </message>
    <message>
        <source>Fields: where detection finds none, or the wrong one, choose the field that holds it.</source>
        <translation>字段：自动识别未找到或识别有误时，请选择存放该项的字段。</translation>
    </message>
    <message>
        <source>Detected: %1</source>
        <translation>已识别：%1</translation>
    </message>
    <message>
        <source>Not found: estimated or left empty</source>
        <translation>未找到：将估算或留空</translation>
    </message>
</context>
<context>
    <name>greenrenew::ui::LayersWidget</name>
    <message>
        <source>Parcels</source>
        <translation>地块</translation>
    </message>
    <message>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <source>Green space</source>
        <translation>绿地</translation>
    </message>
    <message>
        <source>Streets</source>
        <translation>街道</translation>
    </message>
    <message>
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
</context>
<context>
    <name>greenrenew::ui::LegendWidget</name>
    <message>
        <source>What colours the parcels</source>
        <translation>地块着色依据</translation>
    </message>
</context>
<context>
    <name>greenrenew::ui::LoadJob</name>
    <message>
        <source>Reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: opening cancelled</source>
        <translation>%1：已取消打开</translation>
    </message>
    <message>
        <source>%1: analysis cancelled</source>
        <translation>%1：已取消分析</translation>
    </message>
</context>
<context>
    <name>greenrenew::ui::MainWindow</name>
    <message>
        <source>GreenRenew</source>
        <translation>GreenRenew</translation>
    </message>
    <message>
        <source>E %1  N %2 m</source>
        <translation>东 %1  北 %2 米</translation>
    </message>
    <message>
        <source>Scale 1:%1</source>
        <translation>比例尺 1:%1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Open a folder of layers</source>
        <translation>打开图层文件夹</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Open from &amp;PostGIS…</source>
        <translation>从 PostGIS 打开(&amp;P)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Save &amp;Results As…</source>
        <translation>结果另存为(&amp;R)…</translation>
    </message>
    <message>
        <source>Import Scenario File…</source>
        <translation>导入情景文件…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom to &amp;Full</source>
        <translation>缩放至全图(&amp;F)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>Zoom to &amp;Selection</source>
        <translation>缩放至所选(&amp;S)</translation>
    </message>
    <message>
        <source>Ctrl+J</source>
        <translation>Ctrl+J</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom to &amp;Layer</source>
        <translation>缩放至图层(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Editing</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Parcel</source>
        <translation>地块</translation>
    </message>
    <message>
        <source>Attribute table</source>
        <translation>属性表</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>情景</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop opening the data set</source>
        <translation>停止打开数据集</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>Close the shown project and start with an empty map</source>
        <translation>关闭当前项目，从空白地图开始</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>New project: open a data set or a folder of layers to fill it</source>
        <translation>新项目：打开数据集或图层文件夹以填充内容</translation>
    </message>
    <message>
        <source>Unsaved edits of %1 discarded</source>
        <translation>已放弃 %1 未保存的编辑</translation>
    </message>
    <message>
        <source>Edits saved to PostGIS (%1)</source>
        <translation>编辑已保存到 PostGIS（%1）</translation>
    </message>
    <message>
        <source>Nothing to save: open a data set first.</source>
        <translation>没有可保存的内容：请先打开数据集。</translation>
    </message>
    <message>
        <source>Save the project as</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <source>GreenRenew project (*.gpkg)</source>
        <translation>GreenRenew 项目 (*.gpkg)</translation>
    </message>
    <message>
        <source>Cannot save the project: %1</source>
        <translation>无法保存项目：%1</translation>
    </message>
    <message>
        <source>The project is saved, its edit log is not: %1</source>
        <translation>项目已保存，但其编辑日志未能保存：%1</translation>
    </message>
    <message>
        <source>Project saved to %1</source>
        <translation>项目已保存到 %1</translation>
    </message>
    <message>
        <source>%1%2 – GreenRenew</source>
        <translation>%1%2 – GreenRenew</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;About GreenRenew</source>
        <translation>关于 GreenRenew(&amp;A)</translation>
    </message>
    <message>
        <source>About GreenRenew</source>
        <translation>关于 GreenRenew</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;GreenRenew&lt;/b&gt;: planning the green, low-carbon micro-renewal of old city districts.&lt;/p&gt;&lt;p&gt;Licensed under the GPL, version 3 or later. Sample data © OpenStreetMap contributors (ODbL).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;GreenRenew&lt;/b&gt;：老旧城区绿色低碳微更新规划。&lt;/p&gt;&lt;p&gt;依据 GPL 第 3 版或更高版本授权。示例数据 © OpenStreetMap 贡献者（ODbL）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Annotate</source>
        <translation>注记</translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation>注记(&amp;A)</translation>
    </message>
    <message>
        <source>The map&apos;s annotations could not be read: %1</source>
        <translation>无法读取地图注记：%1</translation>
    </message>
    <message>
        <source>The results are saved, the map&apos;s annotations are not: %1</source>
        <translation>结果已保存，但地图注记未能保存：%1</translation>
    </message>
    <message>
        <source>Removed %1, left by a save that was interrupted</source>
        <translation>已删除中断的保存遗留的 %1</translation>
    </message>
    <message>
        <source>Open a data set</source>
        <translation>打开数据集</translation>
    </message>
    <message>
        <source>GIS data (*.gpkg *.shp *.geojson *.json);;All files (*)</source>
        <translation>GIS 数据 (*.gpkg *.shp *.geojson *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>正在打开 %1</translation>
    </message>
    <message>
        <source>Opening %1 cancelled</source>
        <translation>已取消打开 %1</translation>
    </message>
    <message>
        <source>Opening cancelled</source>
        <translation>已取消打开</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Opened %1: %2 parcels, %3 buildings, %4 import issues</source>
        <translation>已打开 %1：%2 个地块，%3 栋建筑，%4 个导入问题</translation>
    </message>
    <message numerus="yes">
        <source>Opened %1: %n parcel(s)</source>
        <translation>
            <numerusform>已打开 %1：%n 个地块</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore unsaved edits</source>
        <translation>恢复未保存的编辑</translation>
    </message>
    <message numerus="yes">
        <source>%n edit step(s) of this data set were not saved when GreenRenew last closed (a crash or a kill). Restore them?</source>
        <translation>
            <numerusform>GreenRenew 上次关闭时（崩溃或被强行结束），此数据集有 %n 步编辑未保存。是否恢复？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Discarded %n unsaved edit step(s)</source>
        <translation>
            <numerusform>已放弃 %n 步未保存的编辑</numerusform>
        </translation>
    </message>
    <message>
        <source>Some unsaved edits could not be restored: the data set changed since. The recovery file is kept as %1.failed</source>
        <translation>部分未保存的编辑无法恢复：数据集此后已有改动。恢复文件已保留为 %1.failed</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n unsaved edit step(s)</source>
        <translation>
            <numerusform>已恢复 %n 步未保存的编辑</numerusform>
        </translation>
    </message>
    <message>
        <source>Save results as</source>
        <translation>结果另存为</translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <source>Cannot save the results: %1</source>
        <translation>无法保存结果：%1</translation>
    </message>
    <message>
        <source>The results are saved, their edit log is not: %1</source>
        <translation>结果已保存，但其编辑日志未能保存：%1</translation>
    </message>
    <message>
        <source>Results written to %1</source>
        <translation>结果已写入 %1</translation>
    </message>
    <message>
        <source>Priorities</source>
        <translation>更新优先级</translation>
    </message>
    <message>
        <source>Open with &amp;Layer Mapping…</source>
        <translation>按图层对应打开(&amp;L)…</translation>
    </message>
    <message>
        <source>Open a data set and say what its layers are</source>
        <translation>打开数据集并指定各图层的用途</translation>
    </message>
    <message>
        <source>GIS data (*.gpkg *.shp *.geojson *.json *.fgb *.kml *.csv *.zip);;All files (*)</source>
        <translation>GIS 数据 (*.gpkg *.shp *.geojson *.json *.fgb *.kml *.csv *.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Editing &amp;Rules…</source>
        <translation>编辑规则(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>greenrenew::ui::MapExportDialog</name>
    <message>
        <source>Export Map</source>
        <translation>导出地图</translation>
    </message>
    <message>
        <source>PDF (vector)</source>
        <translation>PDF（矢量）</translation>
    </message>
    <message>
        <source>PNG (image)</source>
        <translation>PNG（图像）</translation>
    </message>
    <message>
        <source>SVG (vector)</source>
        <translation>SVG（矢量）</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>Whole district</source>
        <translation>整个片区</translation>
    </message>
    <message>
        <source>Current view</source>
        <translation>当前视图</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>纸张：</translation>
    </message>
    <message>
        <source>Orientation:</source>
        <translation>方向：</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>分辨率：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Extent:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
</context>
<context>
    <name>greenrenew::ui::OutputActions</name>
    <message>
        <source>&amp;Print Report…</source>
        <translation>打印报告(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Export Map…</source>
        <translation>导出地图(&amp;E)…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Nothing to print: open a data set first.</source>
        <translation>没有可打印的内容：请先打开数据集。</translation>
    </message>
    <message>
        <source>Print Report</source>
        <translation>打印报告</translation>
    </message>
    <message>
        <source>Cannot print the report: %1</source>
        <translation>无法打印报告：%1</translation>
    </message>
    <message numerus="yes">
        <source>Report printed: %n page(s)</source>
        <translation>
            <numerusform>报告已打印：共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to export: open a data set first.</source>
        <translation>没有可导出的内容：请先打开数据集。</translation>
    </message>
    <message>
        <source>Export map as</source>
        <translation>地图导出为</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1 文件 (*.%2)</translation>
    </message>
    <message>
        <source>Cannot export the map: %1</source>
        <translation>无法导出地图：%1</translation>
    </message>
    <message>
        <source>Map written to %1</source>
        <translation>地图已写入 %1</translation>
    </message>
</context>
<context>
    <name>greenrenew::ui::ParcelInspector</name>
    <message>
        <source>Figure</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Click a parcel on the map.</source>
        <translation>请在地图上点击一个地块。</translation>
    </message>
    <message>
        <source>Parcel</source>
        <translation>地块</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>更新优先次序</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Renewal type</source>
        <translation>更新类型</translation>
    </message>
    <message>
        <source>Why this type</source>
        <translation>类型判定依据</translation>
    </message>
    <message>
        <source>Planned floors</source>
        <translation>规划层数</translation>
    </message>
    <message>
        <source>Not set: the buildings&apos; floors come from the data. Double-click to plan them.</source>
        <translation>未设置：建筑层数取自数据。双击可设定规划层数。</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>空间形态</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <source>Building density</source>
        <translation>建筑密度</translation>
    </message>
    <message>
        <source>Floor area ratio</source>
        <translation>容积率</translation>
    </message>
    <message>
        <source>Green coverage</source>
        <translation>绿地率</translation>
    </message>
    <message>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <source>%1 (%2 with floors estimated)</source>
        <translation>%1（其中 %2 栋层数为估算）</translation>
    </message>
    <message>
        <source>Mean floors</source>
        <translation>平均层数</translation>
    </message>
    <message>
        <source>Height class</source>
        <translation>层数类别</translation>
    </message>
    <message>
        <source>Compliance</source>
        <translation>形态控制符合性</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>符合</translation>
    </message>
    <message>
        <source>fails</source>
        <translation>不符合</translation>
    </message>
    <message>
        <source>%1 (%2 %3; %4)</source>
        <translation>%1（%2 %3；%4）</translation>
    </message>
    <message>
        <source>Walking life circles</source>
        <translation>步行生活圈</translation>
    </message>
    <message>
        <source>Coverage score</source>
        <translation>步行可达得分</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>路网</translation>
    </message>
    <message>
        <source>not connected to the walkable streets</source>
        <translation>未与可步行街道连通</translation>
    </message>
    <message>
        <source>Gaps within %1</source>
        <translation>%1 生活圈缺口</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Carbon ledger, tCO2e/yr</source>
        <translation>碳账（吨二氧化碳当量/年）</translation>
    </message>
    <message>
        <source>Leading category</source>
        <translation>主导碳源</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Index ratings</source>
        <translation>指标评级</translation>
    </message>
    <message>
        <source>Suggested interventions</source>
        <translation>建议改造措施</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1: %2 %3, saves %4 tCO2e/yr (%5 confidence)</source>
        <translation>%1：%2 %3，减排 %4 吨二氧化碳当量/年（可信度：%5）</translation>
    </message>
    <message>
        <source>min</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>max</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>FAR</source>
        <translation>容积率</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>高度</translation>
    </message>
</context>
<context>
    <name>greenrenew::ui::PostgisDialog</name>
    <message>
        <source>Open from PostGIS</source>
        <translation>从 PostGIS 打开</translation>
    </message>
    <message>
        <source>name in pg_service.conf (optional)</source>
        <translation>pg_service.conf 中的服务名（可选）</translation>
    </message>
    <message>
        <source>localhost</source>
        <translation>localhost</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>服务：</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>主机：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Project schema:</source>
        <translation>项目模式：</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>PostgreSQL password</source>
        <translation>PostgreSQL 密码</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>%1 的密码：</translation>
    </message>
    <message>
        <source>Connected; no schema on this server holds a parcels table</source>
        <translation>已连接；此服务器上没有含地块表的模式</translation>
    </message>
    <message numerus="yes">
        <source>Connected; %n project schema(s)</source>
        <translation>
            <numerusform>已连接；共 %n 个项目模式</numerusform>
        </translation>
    </message>
    <message>
        <source>The layers are read through pgpass or the service file: add this server&apos;s password there to open a project from it.</source>
        <translation>图层通过 pgpass 或服务文件读取：请将此服务器的密码写入其中，才能从该服务器打开项目。</translation>
    </message>
</context>
<context>
    <name>greenrenew::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>The language changes at the next start of GreenRenew.</source>
        <translation>界面语言将在下次启动 GreenRenew 时更改。</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>界面语言：</translation>
    </message>
</context>
<context>
    <name>greenrenew::ui::PriorityPanel</name>
    <message>
        <source>the four categories</source>
        <translation>四类碳源</translation>
    </message>
    <message>
        <source>indices of %1</source>
        <translation>%1 的指标</translation>
    </message>
    <message>
        <source>Load questionnaires…</source>
        <translation>载入问卷…</translation>
    </message>
    <message>
        <source>One CSV file per expert, as greenrenew-cli ahp reads them</source>
        <translation>每位专家一个 CSV 文件，格式与 greenrenew-cli ahp 读取的相同</translation>
    </message>
    <message>
        <source>Export template…</source>
        <translation>导出模板…</translation>
    </message>
    <message>
        <source>Select the demonstration cluster on the map</source>
        <translation>在地图上选中示范片区</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>原排名</translation>
    </message>
    <message>
        <source>Parcel</source>
        <translation>地块</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Assessed weight</source>
        <translation>评估权重</translation>
    </message>
    <message>
        <source>Achievable reduction tCO2e/yr</source>
        <translation>可实现减排 tCO2e/年</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>因素</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Local weight</source>
        <translation>局部权重</translation>
    </message>
    <message>
        <source>Global weight</source>
        <translation>全局权重</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>专家</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>判断矩阵</translation>
    </message>
    <message>
        <source>CR</source>
        <translation>CR</translation>
    </message>
    <message>
        <source>λmax</source>
        <translation>λmax</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Experts</source>
        <translation>专家</translation>
    </message>
    <message>
        <source>Cannot weigh the questionnaires: %1</source>
        <translation>无法根据问卷计算权重：%1</translation>
    </message>
    <message numerus="yes">
        <source>Weights from %n questionnaire(s) applied; parcels ranked again</source>
        <translation>
            <numerusform>已应用 %n 份问卷的权重；地块已重新排序</numerusform>
        </translation>
    </message>
    <message>
        <source>The weights are applied but not stored in the project: %1</source>
        <translation>权重已应用，但未能存入项目：%1</translation>
    </message>
    <message>
        <source>consistent (CR ≤ %1)</source>
        <translation>一致性可接受（CR ≤ %1）</translation>
    </message>
    <message>
        <source>Weights: %1</source>
        <translation>权重：%1</translation>
    </message>
    <message>
        <source>No priority weights: %1</source>
        <translation>无优先级权重：%1</translation>
    </message>
    <message>
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>index</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Open a data set to rank its parcels.</source>
        <translation>请打开数据集以对其地块排序。</translation>
    </message>
    <message>
        <source>No demonstration parcel: %1</source>
        <translation>无示范地块：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Suggested demonstration: parcel %1&lt;/b&gt;; cluster %2 (%3 tCO2e/yr achievable).&lt;br&gt;Why: %4</source>
        <translation>&lt;b&gt;建议示范：地块 %1&lt;/b&gt;；片区 %2（可实现减排 %3 吨二氧化碳当量/年）。&lt;br&gt;理由：%4</translation>
    </message>
    <message>
        <source>Questionnaire template written to %1</source>
        <translation>问卷模板已写入 %1</translation>
    </message>
    <message>
        <source>Load expert questionnaires</source>
        <translation>载入专家问卷</translation>
    </message>
    <message>
        <source>Questionnaires (*.csv);;All files (*)</source>
        <translation>问卷 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export questionnaire template</source>
        <translation>导出问卷模板</translation>
    </message>
    <message>
        <source>Questionnaires (*.csv)</source>
        <translation>问卷 (*.csv)</translation>
    </message>
    <message>
        <source>FLAG: CR %1 &gt; %2</source>
        <translation>警示：CR %1 &gt; %2</translation>
    </message>
    <message>
        <source>The judgements contradict one another (e.g. A &gt; B and B &gt; C but not A &gt; C); ask the expert to revise this block. It still counts in the aggregate.</source>
        <translation>判断相互矛盾（例如 A &gt; B 且 B &gt; C，却不是 A &gt; C）；请专家修改此判断矩阵。它仍计入汇总。</translation>
    </message>
    <message>
        <source>Aggregate</source>
        <translation>汇总</translation>
    </message>
    <message numerus="yes">
        <source>element-wise geometric mean of %n expert(s)</source>
        <translation>
            <numerusform>%n 位专家判断的逐项几何平均</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>greenrenew::ui::ProjectDocument</name>
    <message>
        <source>Untitled (from %1)</source>
        <translation>未命名（来自 %1）</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Unsaved edits</source>
        <translation>未保存的编辑</translation>
    </message>
    <message>
        <source>The project &quot;%1&quot; has edits that are not saved. Save them before going on?</source>
        <translation>项目“%1”有未保存的编辑。继续之前是否保存？</translation>
    </message>
</context>
<context>
    <name>greenrenew::ui::ReportPrintTab</name>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>No parcel pages</source>
        <translation>不含地块页</translation>
    </message>
    <message>
        <source>A page for every parcel</source>
        <translation>每个地块一页</translation>
    </message>
    <message numerus="yes">
        <source>A page for each selected parcel (%n)</source>
        <translation>
            <numerusform>每个选中地块一页（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Parcel pages:</source>
        <translation>地块页：</translation>
    </message>
    <message>
        <source>Whole district</source>
        <translation>整个片区</translation>
    </message>
    <message>
        <source>Report for:</source>
        <translation>报告范围：</translation>
    </message>
</context>
<context>
    <name>greenrenew::ui::ScenarioOutcomeTable</name>
    <message>
        <source>On the parcels each scenario touches: index ratings, planning controls failed and facility gaps (circle and type) before and after</source>
        <translation>各情景涉及的地块实施前后对比：指标评级、未达标的规划控制指标与设施缺口（按生活圈和设施类型计）</translation>
    </message>
    <message>
        <source>Indices serious</source>
        <translation>严重指标数</translation>
    </message>
    <message>
        <source>Indices medium</source>
        <translation>中等指标数</translation>
    </message>
    <message>
        <source>Indices slight</source>
        <translation>轻微指标数</translation>
    </message>
    <message>
        <source>Indices not assessed</source>
        <translation>未评估指标数</translation>
    </message>
    <message>
        <source>Controls failed</source>
        <translation>未达标控制指标数</translation>
    </message>
    <message>
        <source>Facility gaps</source>
        <translation>设施缺口数</translation>
    </message>
    <message>
        <source>Facility gaps closed</source>
        <translation>已补齐设施缺口数</translation>
    </message>
    <message numerus="yes">
        <source>%1 before (%n parcel(s))</source>
        <translation>
            <numerusform>%1 实施前（%n 个地块）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 after</source>
        <translation>%1 实施后</translation>
    </message>
</context>
<context>
    <name>greenrenew::ui::ScenarioPanel</name>
    <message>
        <source>Construction</source>
        <translation>建设</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>交通</translation>
    </message>
    <message>
        <source>Greening</source>
        <translation>绿化</translation>
    </message>
    <message>
        <source>Waste</source>
        <translation>废弃物</translation>
    </message>
    <message>
        <source>edit measure %1 of %2</source>
        <translation>编辑%2的措施 %1</translation>
    </message>
    <message>
        <source>Import scenario file…</source>
        <translation>导入情景文件…</translation>
    </message>
    <message>
        <source>Undo plan edit</source>
        <translation>撤销计划编辑</translation>
    </message>
    <message>
        <source>Redo plan edit</source>
        <translation>重做计划编辑</translation>
    </message>
    <message>
        <source>Imported %1 but could not store it in the project: %2</source>
        <translation>已导入 %1，但未能存入项目：%2</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n scenario(s) from %1</source>
        <translation>
            <numerusform>已从 %1 导入 %n 个情景</numerusform>
        </translation>
    </message>
    <message>
        <source>Import scenario file</source>
        <translation>导入情景文件</translation>
    </message>
    <message>
        <source>Scenario files (*.csv);;All files (*)</source>
        <translation>情景文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The plan edit is shown but not stored in the project: %1</source>
        <translation>计划编辑已显示，但未能存入项目：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n measure(s)</source>
        <translation>
            <numerusform>%n 项措施</numerusform>
        </translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>现状</translation>
    </message>
    <message>
        <source>%1 after</source>
        <translation>%1 实施后</translation>
    </message>
    <message>
        <source>%1 reduction</source>
        <translation>%1 减排量</translation>
    </message>
    <message>
        <source>Net total</source>
        <translation>净排放合计</translation>
    </message>
    <message>
        <source>tCO2e per year; reduction positive = less CO2</source>
        <translation>吨二氧化碳当量/年；减排量为正表示排放减少</translation>
    </message>
    <message>
        <source>%1, measure %2: %3</source>
        <translation>%1，措施 %2：%3</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>实施计划</translation>
    </message>
</context>
<context>
    <name>greenrenew::ui::ScenarioPlanEditor</name>
    <message>
        <source>government</source>
        <translation>政府</translation>
    </message>
    <message>
        <source>enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>共担</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>拟议</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>under way</source>
        <translation>实施中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Parcel</source>
        <translation>地块</translation>
    </message>
    <message>
        <source>Technique</source>
        <translation>更新技术</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>承担方</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Reduction in force at the end of each year, tCO2e per year</source>
        <translation>各年末已生效的减排量（吨二氧化碳当量/年）</translation>
    </message>
    <message>
        <source>Plan of %1</source>
        <translation>%1 的实施计划</translation>
    </message>
    <message>
        <source>Select a scenario to see and edit its plan</source>
        <translation>选择一个情景以查看和编辑其实施计划</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Phase and year: double-click to edit; party, status and cost class: pick</source>
        <translation>阶段和年份：双击编辑；承担方、状态和成本等级：从列表中选择</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>措施数</translation>
    </message>
    <message>
        <source>Government</source>
        <translation>政府</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>共担</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>拟议</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Under way</source>
        <translation>实施中</translation>
    </message>
    <message>
        <source>Reduction</source>
        <translation>减排量</translation>
    </message>
    <message>
        <source>Measures per phase by party and by status, and their reduction in tCO2e per year</source>
        <translation>各阶段按承担方和状态统计的措施数及其减排量（吨二氧化碳当量/年）</translation>
    </message>
</context>
<context>
    <name>greenrenew::ui::TeamEditing</name>
    <message>
        <source>PostGIS password</source>
        <translation>PostGIS 密码</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>%1 的密码：</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>%1 names no PostGIS schema</source>
        <translation>%1 未指定 PostGIS 模式</translation>
    </message>
    <message>
        <source>Parcel %1: the PostGIS table has no column for the %2; it is kept in this session only</source>
        <translation>地块 %1：PostGIS 表中没有对应%2的字段；该修改仅保留在本次会话中</translation>
    </message>
    <message>
        <source>Not saved to PostGIS (%1 edits kept, saved when you save again): %2</source>
        <translation>未保存到 PostGIS（已保留 %1 项编辑，下次保存时写入）：%2</translation>
    </message>
    <message>
        <source>Parcel row %1: your version replaces the other designer&apos;s (theirs is kept in gr_parcel_history)</source>
        <translation>地块行 %1：你的版本替换了另一位设计人员的版本（对方版本保留在 gr_parcel_history 中）</translation>
    </message>
    <message>
        <source>Parcel row %1: the other designer&apos;s version is shown; yours is kept in gr_parcel_history</source>
        <translation>地块行 %1：显示另一位设计人员的版本；你的版本保留在 gr_parcel_history 中</translation>
    </message>
    <message>
        <source>Parcel row %1 was saved by another designer (version %2) after you started editing version %3.</source>
        <translation>你开始编辑版本 %3 之后，另一位设计人员保存了地块行 %1（版本 %2）。</translation>
    </message>
    <message>
        <source>%1 – yours: %2; theirs: %3</source>
        <translation>%1 – 你的：%2；对方的：%3</translation>
    </message>
    <message>
        <source>(no such field)</source>
        <translation>（无此字段）</translation>
    </message>
    <message>
        <source>You changed the shape; theirs is the shape now in the database.</source>
        <translation>你修改了形状；数据库中现在是对方的形状。</translation>
    </message>
    <message>
        <source>Keep your version, or take theirs? The one not kept stays in gr_parcel_history.</source>
        <translation>保留你的版本，还是采用对方的版本？未保留的版本存于 gr_parcel_history 中。</translation>
    </message>
    <message numerus="yes">
        <source>%n parcel(s) updated from the other designers&apos; saves</source>
        <translation>
            <numerusform>已根据其他设计人员的保存更新 %n 个地块</numerusform>
        </translation>
    </message>
    <message>
        <source>Edits of %1 cannot be saved to PostGIS: %2</source>
        <translation>%1 的编辑无法保存到 PostGIS：%2</translation>
    </message>
    <message>
        <source>Edits are saved to PostGIS (%1) as team edits; other designers&apos; saves appear as they are made</source>
        <translation>编辑作为团队编辑保存到 PostGIS（%1）；其他设计人员的保存会即时显示</translation>
    </message>
    <message numerus="yes">
        <source>Parcel row %1: the other designer&apos;s version is shown; your edit that added or removed parcels is undone on the map, and its %n change(s) are kept in gr_parcel_history</source>
        <translation>
            <numerusform>地块行 %1：显示另一位设计人员的版本；你增加或删除地块的编辑已在地图上撤销，其 %n 项修改保留在 gr_parcel_history 中</numerusform>
        </translation>
    </message>
    <message>
        <source>The other designer removed this parcel.</source>
        <translation>另一位设计人员已删除此地块。</translation>
    </message>
    <message>
        <source>You removed this parcel (a split, merge or delete). Keeping yours saves that edit whole; taking theirs undoes it on your map.</source>
        <translation>你移除了此地块（分割、合并或删除）。保留我的版本会完整保存该编辑；采用对方版本会在你的地图上撤销该编辑。</translation>
    </message>
</context>
</TS>
