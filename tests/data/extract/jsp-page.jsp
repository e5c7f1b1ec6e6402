<%@ page language="java" contentType="text/html; charset=UTF-8" pageEncoding="UTF-8"%>
<%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>
<%-- The visible title is the div.title below, not the <title> --%>
<c:set var="title" value="Dry Eye" />
<%
  String menu = request.getParameter("menu");
  if (menu == null) { menu = "eye"; }
%>
<div class="content_wrap">
  <jsp:include page="/WEB-INF/views/includes/header.jsp" />
  <div class="intro">
    <div class="title">» Dry Eye</div>
    <div class="content">
      Dry eye is a common condition in which the eyes do not make enough tears, or the tears evaporate too quickly. The eyes feel gritty, burn and tire by the end of the day, especially after long hours at a screen.
    </div>
  </div>
  <h4>01. What causes dry eye?</h4>
  <p>Screen work that halves how often we blink, dry air from heating, contact lenses and blocked oil glands in the eyelids all make tears evaporate faster.</p>
  <h4>02. How is it treated?</h4>
  <p>Warm compresses and lid hygiene for the oil glands, preservative-free lubricating drops, and regular screen breaks. Visitor <%= request.getRemoteAddr() %> ${sessionScope.user.name}</p>
  <c:if test="${not empty notice}"><p>${notice}</p></c:if>
  <jsp:include page="/WEB-INF/views/includes/footer.jsp" />
</div>
